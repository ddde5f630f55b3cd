import { INIT_SCHEMES, type InitScheme } from '../../../shared/spec/network-spec';
import { NumberField } from '../sidebar/NumberField';
import { SelectField } from '../sidebar/SelectField';
import { useAppStore } from '../store/app-store';
import type { NetworkDraft } from '../store/app-model';

/** The field each scheme needs besides its seed, with a sensible starting value. */
const SCHEME_PARAMETER: Partial<
  Record<InitScheme, { key: 'std' | 'limit' | 'value' | 'gain'; label: string; initial: number }>
> = {
  normal: { key: 'std', label: 'Init std', initial: 0.01 },
  uniform: { key: 'limit', label: 'Init limit', initial: 0.05 },
  constant: { key: 'value', label: 'Init value', initial: 0.1 },
  orthogonal: { key: 'gain', label: 'Init gain', initial: 1 },
};

/** A network run's own settings: initialization and mini-batch size. */
export function NetworkRunFields() {
  const { init, batchSize } = useAppStore((state) => state.network);
  const updateNetwork = useAppStore((state) => state.updateNetwork);
  const setInit = (next: NetworkDraft['init']): void => updateNetwork({ init: next });
  const parameter = SCHEME_PARAMETER[init.scheme];
  return (
    <>
      <SelectField
        label="Initialization"
        value={init.scheme}
        options={INIT_SCHEMES}
        onChange={(scheme) => {
          const extra = SCHEME_PARAMETER[scheme];
          setInit({ scheme, seed: init.seed, ...(extra ? { [extra.key]: extra.initial } : {}) });
        }}
      />
      {parameter && (
        <NumberField
          label={parameter.label}
          value={init[parameter.key] ?? parameter.initial}
          onChange={(v) => setInit({ ...init, [parameter.key]: v })}
        />
      )}
      <NumberField
        label="Init seed"
        value={init.seed}
        step={1}
        check={(n) => (Number.isInteger(n) && n >= 0 ? null : 'a whole number ≥ 0')}
        onChange={(seed) => setInit({ ...init, seed })}
      />
      <NumberField
        label="Batch size (0 = full)"
        value={batchSize}
        step={1}
        check={(n) => (Number.isInteger(n) && n >= 0 ? null : 'a whole number ≥ 0')}
        onChange={(next) => updateNetwork({ batchSize: next })}
      />
    </>
  );
}
