import { useId } from 'react';
import { describeIssue } from '../../../shared/describe-issue';
import { OPTIMIZER_NAMES, optimizerSpecSchema, type OptimizerSpec } from '../../../shared/spec/optimizer-spec';
import { NumberField } from './NumberField';

/**
 * The optimizer picker and its hyperparameters, generated from the spec schema's defaults so
 * every torch.optim option has a control and the schema stays the one source of truth.
 */
export function OptimizerFields({ value, onChange }: { value: OptimizerSpec; onChange(next: OptimizerSpec): void }) {
  const selectId = useId();
  const accept = (next: Record<string, unknown>): string | null => {
    const parsed = optimizerSpecSchema.safeParse(next);
    if (!parsed.success) return describeIssue(parsed.error);
    onChange(parsed.data);
    return null;
  };
  const problemWith = (key: string, candidate: unknown): string | null => {
    const parsed = optimizerSpecSchema.safeParse({ ...value, [key]: candidate });
    return parsed.success ? null : describeIssue(parsed.error);
  };
  const replaced = (array: number[], index: number, entry: number): number[] =>
    array.map((old, i) => (i === index ? entry : old));
  return (
    <fieldset className="optimizer">
      <legend>Optimizer</legend>
      <div className="field">
        <label htmlFor={selectId}>Algorithm</label>
        <select
          id={selectId}
          value={value.name}
          onChange={(event) => accept({ name: event.target.value, lr: value.lr })}
        >
          {OPTIMIZER_NAMES.map((name) => (
            <option key={name} value={name}>
              {name}
            </option>
          ))}
        </select>
      </div>
      {Object.entries(value).map(([key, current]) => {
        if (key === 'name') return null;
        if (typeof current === 'number') {
          return (
            <NumberField
              key={`${value.name}-${key}`}
              label={key}
              value={current}
              check={(v) => problemWith(key, v)}
              onChange={(v) => accept({ ...value, [key]: v })}
            />
          );
        }
        if (typeof current === 'boolean') {
          return (
            <div className="field checkbox" key={`${value.name}-${key}`}>
              <label>
                <input
                  type="checkbox"
                  checked={current}
                  onChange={(event) => accept({ ...value, [key]: event.target.checked })}
                />
                {key}
              </label>
            </div>
          );
        }
        if (Array.isArray(current)) {
          return (current as number[]).map((entry, index) => (
            <NumberField
              key={`${value.name}-${key}-${index}`}
              label={`${key}[${index}]`}
              value={entry}
              check={(v) => problemWith(key, replaced(current as number[], index, v))}
              onChange={(v) => accept({ ...value, [key]: replaced(current as number[], index, v) })}
            />
          ));
        }
        return null;
      })}
    </fieldset>
  );
}
