import { useEffect, useId, useState } from 'react';
import { ACTIVATIONS, DATASET_NAMES, LOSSES, type DatasetName, type LossName } from '../../../shared/spec/network-spec';
import { NumberField } from '../panels/NumberField';
import { SelectField } from '../panels/SelectField';
import { useAppStore, type NetworkDraft } from '../store/app-store';

/** The loss each dataset calls for: sine is regression, iris has three classes. */
const LOSS_FOR: Partial<Record<DatasetName, LossName>> = { sine: 'mse', iris: 'cross_entropy' };

/** "16, 16" ↔ [16, 16]; null while the text is not a list of whole numbers. */
function parseLayers(text: string): number[] | null {
  const parts = text.split(/[\s,]+/).filter(Boolean).map(Number);
  return parts.every((n) => Number.isInteger(n) && n >= 1) ? parts : null;
}

function HiddenLayersField({ value, onChange }: { value: number[]; onChange(value: number[]): void }) {
  const id = useId();
  const [text, setText] = useState(value.join(', '));
  useEffect(() => setText((current) => (parseLayers(current)?.join() === value.join() ? current : value.join(', '))), [value]);
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

/** The network problem: dataset, architecture, loss and held-out split. */
export function NetworkProblemFields() {
  const { mlp } = useAppStore((state) => state.network);
  const updateNetwork = useAppStore((state) => state.updateNetwork);
  const patch = (next: Partial<NetworkDraft['mlp']>): void => updateNetwork({ mlp: { ...mlp, ...next } });
  const dataset = mlp.dataset;
  const setDataset = (next: Partial<NetworkDraft['mlp']['dataset']>): void => patch({ dataset: { ...dataset, ...next } });
  return (
    <>
      <SelectField
        label="Dataset"
        value={dataset.name}
        options={DATASET_NAMES}
        onChange={(name) => patch({ dataset: { name, seed: dataset.seed, ...(name === 'iris' ? {} : { samples: dataset.samples ?? 300 }) }, loss: LOSS_FOR[name] ?? (mlp.loss === 'mse' ? 'bce' : mlp.loss) })}
      />
      {dataset.name !== 'iris' && (
        <NumberField
          label="Samples"
          value={dataset.samples ?? 200}
          step={1}
          check={(n) => (Number.isInteger(n) && n >= 4 && n <= 100_000 ? null : 'a whole number from 4 to 100,000')}
          onChange={(samples) => setDataset({ samples })}
        />
      )}
      <NumberField label="Data seed" value={dataset.seed} step={1} check={(n) => (Number.isInteger(n) && n >= 0 ? null : 'a whole number ≥ 0')} onChange={(seed) => setDataset({ seed })} />
      <HiddenLayersField value={mlp.hidden} onChange={(hidden) => patch({ hidden })} />
      <SelectField label="Activation" value={mlp.activation} options={ACTIVATIONS} onChange={(activation) => patch({ activation })} />
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
