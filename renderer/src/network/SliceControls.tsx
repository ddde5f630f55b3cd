import { describeIssue } from '../../../shared/describe-issue';
import { landscapeSpecSchema } from '../../../shared/spec/spec';
import { NumberField } from '../sidebar/NumberField';
import { SelectField } from '../sidebar/SelectField';
import { SLICE_DIRECTIONS, SLICE_RESOLUTIONS, type SliceChoices, type SliceDirections } from './slice-choices';

const DIRECTION_VALUES = Object.keys(SLICE_DIRECTIONS) as SliceDirections[];
const BIASES = ['zero', 'filter'] as const;
const BIAS_LABELS: Record<SliceChoices['biases'], string> = { zero: 'zero', filter: 'filter-normalised' };
const RESOLUTIONS = SLICE_RESOLUTIONS.map(String);

interface SliceControlsProps {
  choices: SliceChoices;
  /** "Through the runs' final points" needs a second completed run. */
  otherRuns: number;
  busy: boolean;
  onChange(choices: SliceChoices): void;
  onCancel(): void;
}

/** The spec's own check of a landscape number field, as a NumberField wants it. */
const specCheck =
  (field: 'span' | 'seed') =>
  (value: number): string | null => {
    const parsed = landscapeSpecSchema.shape[field].safeParse(value);
    return parsed.success ? null : describeIssue(parsed.error, field);
  };

/** How the plane is chosen and how finely it is sliced; a change asks for a new slice at once. */
export function SliceControls({ choices, otherRuns, busy, onChange, onCancel }: SliceControlsProps) {
  const change = (patch: Partial<SliceChoices>): void => onChange({ ...choices, ...patch });
  return (
    <div className="landscape-controls">
      <SelectField
        label="Directions"
        value={choices.directions}
        options={DIRECTION_VALUES}
        describe={(value) => SLICE_DIRECTIONS[value]}
        disabled={(value) => value === 'interpolation-finals' && otherRuns === 0}
        onChange={(directions) => change({ directions })}
      />
      {choices.directions === 'random' && (
        <SelectField
          label="Biases"
          value={choices.biases}
          options={BIASES}
          describe={(value) => BIAS_LABELS[value]}
          onChange={(biases) => change({ biases })}
        />
      )}
      <SelectField
        label="Resolution"
        value={String(choices.resolution)}
        options={RESOLUTIONS}
        describe={(n) => `${n} × ${n}`}
        onChange={(resolution) => change({ resolution: Number(resolution) })}
      />
      <NumberField
        label="Span"
        value={choices.span}
        step={0.1}
        check={specCheck('span')}
        onChange={(span) => change({ span })}
      />
      <NumberField
        label="Seed"
        value={choices.seed}
        step={1}
        min={0}
        check={specCheck('seed')}
        onChange={(seed) => change({ seed })}
      />
      {busy && (
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      )}
    </div>
  );
}
