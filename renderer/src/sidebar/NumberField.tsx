import { useEffect, useId, useState } from 'react';

/**
 * A labelled number input that keeps what the user typed while it is not a valid number, and
 * reports only valid values (finite, and accepted by `check` when given).
 */
export function NumberField(props: {
  label: string;
  value: number;
  onChange(value: number): void;
  check?: (value: number) => string | null;
  step?: number | 'any';
  min?: number;
}) {
  const id = useId();
  const [text, setText] = useState(String(props.value));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((current) => (Number(current) === props.value ? current : String(props.value)));
  }, [props.value]);
  const commit = (next: string): void => {
    setText(next);
    const value = Number(next);
    const problem = next.trim() === '' || !Number.isFinite(value) ? 'not a number' : (props.check?.(value) ?? null);
    setError(problem);
    if (!problem) props.onChange(value);
  };
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <input
        id={id}
        type="number"
        step={props.step ?? 'any'}
        min={props.min}
        value={text}
        aria-invalid={error ? true : undefined}
        title={error ?? undefined}
        onChange={(event) => commit(event.target.value)}
      />
    </div>
  );
}
