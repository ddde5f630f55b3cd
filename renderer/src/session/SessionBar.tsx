import { useRef } from 'react';
import { useCommand } from '../commands/command-registry';
import { isH5FileName, openH5Files } from '../store/imported-landscapes';
import { useSessionStore } from '../store/session-store';

/** Save, open (or drop a file on the window; .h5 files open loss-landscape surfaces), and the recently used sessions. */
export function SessionBar() {
  const input = useRef<HTMLInputElement>(null);
  const recent = useSessionStore((state) => state.recent);
  const { save, open } = useSessionStore.getState();
  const openFile = async (files: File[]): Promise<void> => {
    const h5 = files.filter((file) => isH5FileName(file.name));
    if (h5.length) await openH5Files(h5);
    else if (files[0]) open(await files[0].text(), files[0].name);
    if (input.current) input.current.value = '';
  };
  // In Electron the file input shows the native open dialog.
  useCommand('open-session', () => input.current?.click());
  useCommand('save-session', save);
  return (
    <section className="session-bar" aria-label="Session">
      <button type="button" onClick={save} aria-keyshortcuts="Control+S Meta+S">
        Save session
      </button>
      <button type="button" onClick={() => input.current?.click()} aria-keyshortcuts="Control+O Meta+O">
        Open session…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json,.h5,.hdf5"
        multiple
        aria-label="Session file"
        hidden
        onChange={(event) => void openFile(Array.from(event.target.files ?? []))}
      />
      {recent.length > 0 && (
        <select
          aria-label="Recent sessions"
          value=""
          onChange={(event) => {
            const entry = recent[Number(event.target.value)];
            if (entry) open(entry.text, entry.name);
          }}
        >
          <option value="">Recent…</option>
          {recent.map((entry, index) => (
            <option key={entry.name} value={index}>
              {entry.name}
            </option>
          ))}
        </select>
      )}
    </section>
  );
}

/** Offers the previous start's autosaved picture back. */
export function RestoreOffer() {
  const offer = useSessionStore((state) => state.offer);
  const { acceptOffer, declineOffer } = useSessionStore.getState();
  if (offer === null) return null;
  return (
    <div className="restore-offer" role="dialog" aria-label="Restore the last session">
      <span>Restore the last session?</span>
      <button type="button" onClick={acceptOffer}>
        Restore
      </button>
      <button type="button" onClick={declineOffer}>
        Start fresh
      </button>
    </div>
  );
}
