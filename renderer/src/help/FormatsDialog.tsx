import { useState } from 'react';
import { useCommand } from '../commands/command-registry';

const FORMATS: { name: string; what: string }[] = [
  {
    name: 'Session (.gradscape.json)',
    what: 'The problem, the runs, the view and the camera. Open it with Open session…, Ctrl/Cmd+O, or by dropping it on the window.',
  },
  {
    name: 'loss-landscape surface (.h5)',
    what: 'A surface computed by Li et al.’s loss-landscape code, and its projected trajectory (proj_xcoord, proj_ycoord). Open them, or drop them on the window, together or the trajectory after; gradscape import turns them into a run file.',
  },
  { name: 'Image (.png)', what: 'The 3D view, the 2D map or the charts, at the size set in Export.' },
  {
    name: 'Video (.mp4 or .webm)',
    what: 'The 3D view playing the runs: MP4 (H.264) where the system encodes it, else WebM (VP9 or VP8).',
  },
  { name: 'Surface (.csv, .npy)', what: 'The loss on the grid: z[j, i] = f(x[i], y[j]); NPY holds float64.' },
  {
    name: 'Runs (.json, .csv)',
    what: 'JSON: every run’s settings, path, loss, gradient norm and events. CSV: one row per run and step.',
  },
];

/** Help ▸ File formats: what the app reads and writes (docs/formats.md has the fields). */
export function FormatsDialog() {
  const [open, setOpen] = useState(false);
  useCommand('show-formats', () => setOpen(true));
  if (!open) return null;
  return (
    <div className="formats-dialog" role="dialog" aria-label="File formats">
      <h2>File formats</h2>
      <dl>
        {FORMATS.map(({ name, what }) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => setOpen(false)} autoFocus>
        Close
      </button>
    </div>
  );
}
