import { useId } from 'react';

/** A labelled select over a fixed list of values. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: readonly T[];
  onChange(value: T): void;
  describe?: (value: T) => string;
  /** Options that cannot be chosen now. */
  disabled?: (value: T) => boolean;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(event) => props.onChange(event.target.value as T)}>
        {props.options.map((option) => (
          <option key={option} value={option} disabled={props.disabled?.(option)}>
            {props.describe ? props.describe(option) : option}
          </option>
        ))}
      </select>
    </div>
  );
}
