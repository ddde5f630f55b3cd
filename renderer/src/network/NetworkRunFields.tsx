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

const atLeastZero = (n: number): string | null => (n >= 0 ? null : 'at least 0');

/** A network run's own settings: initialization, mini-batch size, penalties and dropout. */
export function NetworkRunFields() {
  const { init, batchSize, l1, l2, dropout } = useAppStore((state) => state.network);
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
      <NumberField
        label="L1 penalty (0 = none)"
        value={l1}
        min={0}
        check={atLeastZero}
        onChange={(next) => updateNetwork({ l1: next })}
      />
      <NumberField
        label="L2 penalty (0 = none)"
        value={l2}
        min={0}
        check={atLeastZero}
        onChange={(next) => updateNetwork({ l2: next })}
      />
      <NumberField
        label="Dropout (0 = none)"
        value={dropout}
        min={0}
        step={0.05}
        check={(n) => (n >= 0 && n < 1 ? null : 'from 0 up to, not including, 1')}
        onChange={(next) => updateNetwork({ dropout: next })}
      />
    </>
  );
}
