import { useAppStore } from '../store/app-store';
import { COMPARISON_PRESETS, type ComparisonPreset } from './comparisons';

/**
 * Buttons that each replace the picture with a preset's runs and show its caption over the view.
 * `accessibleName` names a button when its title alone would be ambiguous beside other controls.
 */
export function PresetPicker({
  legend,
  presets,
  className,
  accessibleName,
}: {
  legend: string;
  presets: ComparisonPreset[];
  className: string;
  accessibleName?: (preset: ComparisonPreset) => string;
}) {
  const startComparison = useAppStore((state) => state.startComparison);
  const connected = useAppStore((state) => state.bridge !== null);
  const shownTitle = useAppStore((state) => state.caption?.title);
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      <div className="preset-buttons">
        {presets.map((preset) => (
          <button
            key={preset.id}
            type="button"
            disabled={!connected}
            aria-label={accessibleName?.(preset)}
            aria-current={shownTitle === preset.title ? 'true' : undefined}
            title={preset.caption}
            onClick={() => startComparison(preset.comparison, { title: preset.title, text: preset.caption })}
          >
            {preset.title}
          </button>
        ))}
      </div>
    </fieldset>
  );
}

/** One-click comparisons: initializations, optimizers, learning rates. */
export function ComparePresets() {
  return (
    <PresetPicker
      legend="Compare"
      presets={COMPARISON_PRESETS}
      className="compare-presets"
      accessibleName={(preset) => `Compare ${preset.title.toLowerCase()}`}
    />
  );
}
