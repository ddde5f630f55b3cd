import { useState } from 'react';
import { useAppStore } from '../store/app-store';
import { COMPARISON_PRESETS } from './comparisons';

/** One-click comparisons: initializations, optimizers, learning rates. */
export function ComparePresets() {
  const startComparison = useAppStore((state) => state.startComparison);
  const connected = useAppStore((state) => state.bridge !== null);
  const [caption, setCaption] = useState<string | null>(null);
  return (
    <fieldset className="compare-presets">
      <legend>Compare</legend>
      <div className="preset-buttons">
        {COMPARISON_PRESETS.map((preset) => (
          <button
            key={preset.id}
            type="button"
            disabled={!connected}
            aria-label={`Compare ${preset.title.toLowerCase()}`}
            title={preset.caption}
            onClick={() => {
              startComparison(preset.comparison);
              setCaption(preset.caption);
            }}
          >
            {preset.title}
          </button>
        ))}
      </div>
      {caption && <p className="hint preset-caption">{caption}</p>}
    </fieldset>
  );
}
