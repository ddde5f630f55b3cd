import { describeIssue } from '../../../shared/describe-issue';
import { landscapeSpecSchema } from '../../../shared/spec/spec';
import { NumberField } from '../panels/NumberField';
import { SLICE_DIRECTIONS, SLICE_RESOLUTIONS, type SliceChoices, type SliceDirections } from './slice-choices';

interface SliceControlsProps {
  choices: SliceChoices;
  /** "Through the runs' final points" needs a second completed run. */
  otherRuns: number;
  busy: boolean;
  onChange(choices: SliceChoices): void;
  onCancel(): void;
}

/** The spec's own check of a landscape number field, as a NumberField wants it. */
const specCheck = (field: 'span' | 'seed') => (value: number): string | null => {
  const parsed = landscapeSpecSchema.shape[field].safeParse(value);
  return parsed.success ? null : describeIssue(parsed.error, field);
};

/** How the plane is chosen and how finely it is sliced; a change asks for a new slice at once. */
export function SliceControls({ choices, otherRuns, busy, onChange, onCancel }: SliceControlsProps) {
  const change = (patch: Partial<SliceChoices>): void => onChange({ ...choices, ...patch });
  return (
    <div className="landscape-controls">
      <label>
        Directions
        <select value={choices.directions} onChange={(event) => change({ directions: event.target.value as SliceDirections })}>
          {SLICE_DIRECTIONS.map(({ value, label }) => (
            <option key={value} value={value} disabled={value === 'interpolation-finals' && otherRuns === 0}>
              {label}
            </option>
          ))}
        </select>
      </label>
      {choices.directions === 'random' && (
        <label>
          Biases
          <select value={choices.biases} onChange={(event) => change({ biases: event.target.value as SliceChoices['biases'] })}>
            <option value="zero">zero</option>
            <option value="filter">filter-normalised</option>
          </select>
        </label>
      )}
      <label>
        Resolution
        <select value={choices.resolution} onChange={(event) => change({ resolution: Number(event.target.value) })}>
          {SLICE_RESOLUTIONS.map((n) => (
            <option key={n} value={n}>
              {n} × {n}
            </option>
          ))}
        </select>
      </label>
      <NumberField label="Span" value={choices.span} step={0.1} check={specCheck('span')} onChange={(span) => change({ span })} />
      <NumberField label="Seed" value={choices.seed} step={1} min={0} check={specCheck('seed')} onChange={(seed) => change({ seed })} />
      {busy && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
