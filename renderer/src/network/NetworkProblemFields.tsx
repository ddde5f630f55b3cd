import { useEffect, useId, useState } from 'react';
import { formatLimit, MAX_CSV_BYTES, MAX_DATASET_ROWS } from '../../../shared/limits';
import {
  ACTIVATIONS,
  DATASET_NAMES,
  LOSSES,
  type CsvTextDatasetSpec,
  type DatasetName,
  type LossName,
} from '../../../shared/spec/network-spec';
import { NumberField } from '../sidebar/NumberField';
import { SelectField } from '../sidebar/SelectField';
import { useAppStore } from '../store/app-store';
import type { NetworkDraft } from '../store/app-model';

/** The loss each dataset calls for: sine is regression, iris has three classes. */
const LOSS_FOR: Partial<Record<DatasetName, LossName>> = { sine: 'mse', iris: 'cross_entropy' };

/** "16, 16" ↔ [16, 16]; null while the text is not a list of whole numbers. */
function parseLayers(text: string): number[] | null {
  const parts = text
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number);
  return parts.every((n) => Number.isInteger(n) && n >= 1) ? parts : null;
}

function HiddenLayersField({ value, onChange }: { value: number[]; onChange(value: number[]): void }) {
  const id = useId();
  const [text, setText] = useState(value.join(', '));
  useEffect(
    () => setText((current) => (parseLayers(current)?.join() === value.join() ? current : value.join(', '))),
    [value],
  );
  const invalid = parseLayers(text) === null;
  return (
    <div className="field">
      <label htmlFor={id}>Hidden layers</label>
      <input
        id={id}
        value={text}
        aria-invalid={invalid ? true : undefined}
        title={invalid ? 'widths separated by commas, e.g. 16, 16' : undefined}
        onChange={(event) => {
          setText(event.target.value);
          const layers = parseLayers(event.target.value);
          if (layers) onChange(layers);
        }}
      />
    </div>
  );
}

/** The dataset select's choice for a CSV file of the user's. */
const CSV_CHOICE = 'csv';
const DATASET_CHOICES = [...DATASET_NAMES, CSV_CHOICE] as const;

/**
 * A CSV file the user picks: its content is read here and sent, never its path (in Electron
 * too), so the host opens no file a client names. The target column is typed by name.
 */
function CsvDatasetFields({
  dataset,
  onChange,
}: {
  dataset: CsvTextDatasetSpec;
  onChange(next: Partial<CsvTextDatasetSpec>): void;
}) {
  const ids = { file: useId(), target: useId(), error: useId() };
  const [error, setError] = useState<string | null>(null);
  const choose = async (file: File | undefined): Promise<void> => {
    if (!file) return;
    if (file.size > MAX_CSV_BYTES) {
      setError(`${file.name} is ${formatLimit(file.size)} bytes; the limit is ${formatLimit(MAX_CSV_BYTES)}`);
      return;
    }
    try {
      onChange({ csvText: await file.text(), file: file.name.slice(0, 255) });
      setError(null);
    } catch {
      setError(`${file.name} could not be read`);
    }
  };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.file}>CSV file</label>
        <input
          id={ids.file}
          type="file"
          accept=".csv,text/csv"
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? ids.error : undefined}
          onChange={(event) => void choose(event.target.files?.[0])}
        />
      </div>
      {error ? (
        <p className="error" id={ids.error} role="alert">
          {error}
        </p>
      ) : (
        dataset.csvText && (
          <p className="hint">{`${dataset.file}: ${formatLimit(dataset.csvText.length)} characters`}</p>
        )
      )}
      <div className="field">
        <label htmlFor={ids.target}>Target column</label>
        <input
          id={ids.target}
          value={dataset.target}
          spellCheck={false}
          onChange={(event) => onChange({ target: event.target.value })}
        />
      </div>
    </>
  );
}

/** The network problem: dataset, architecture, loss and held-out split. */
export function NetworkProblemFields() {
  const { mlp } = useAppStore((state) => state.network);
  const updateNetwork = useAppStore((state) => state.updateNetwork);
  const patch = (next: Partial<NetworkDraft['mlp']>): void => updateNetwork({ mlp: { ...mlp, ...next } });
  const dataset = mlp.dataset;
  return (
    <>
      <SelectField
        label="Dataset"
        value={'name' in dataset ? dataset.name : CSV_CHOICE}
        options={DATASET_CHOICES}
        describe={(choice) => (choice === CSV_CHOICE ? 'CSV file…' : choice)}
        onChange={(choice) => {
          if (choice === CSV_CHOICE)
            patch({ dataset: { csvText: '', file: 'dataset.csv', target: '', seed: dataset.seed } });
          else
            patch({
              dataset: {
                name: choice,
                seed: dataset.seed,
                ...(choice === 'iris' ? {} : { samples: ('samples' in dataset && dataset.samples) || 300 }),
              },
              loss: LOSS_FOR[choice] ?? (mlp.loss === 'mse' ? 'bce' : mlp.loss),
            });
        }}
      />
      {'csvText' in dataset ? (
        <CsvDatasetFields dataset={dataset} onChange={(next) => patch({ dataset: { ...dataset, ...next } })} />
      ) : (
        dataset.name !== 'iris' && (
          <NumberField
            label="Samples"
            value={dataset.samples ?? 200}
            step={1}
            check={(n) =>
              Number.isInteger(n) && n >= 4 && n <= MAX_DATASET_ROWS
                ? null
                : `a whole number from 4 to ${formatLimit(MAX_DATASET_ROWS)}`
            }
            onChange={(samples) => patch({ dataset: { ...dataset, samples } })}
          />
        )
      )}
      <NumberField
        label="Data seed"
        value={dataset.seed}
        step={1}
        check={(n) => (Number.isInteger(n) && n >= 0 ? null : 'a whole number ≥ 0')}
        onChange={(seed) => patch({ dataset: { ...dataset, seed } })}
      />
      <HiddenLayersField value={mlp.hidden} onChange={(hidden) => patch({ hidden })} />
      <SelectField
        label="Activation"
        value={mlp.activation}
        options={ACTIVATIONS}
        onChange={(activation) => patch({ activation })}
      />
      <SelectField label="Loss" value={mlp.loss} options={LOSSES} onChange={(loss) => patch({ loss })} />
      <NumberField
        label="Test fraction"
        value={mlp.testFraction}
        check={(f) => (f >= 0 && f <= 0.9 ? null : 'from 0 to 0.9')}
        onChange={(testFraction) => patch({ testFraction })}
      />
    </>
  );
}
