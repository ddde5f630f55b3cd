import { useId } from 'react';
import { useAppStore } from '../store/app-store';

/** What the scenario or comparison on screen shows, over the view until dismissed or the problem changes. */
export function CaptionOverlay() {
  const caption = useAppStore((state) => state.caption);
  const dismiss = useAppStore((state) => state.dismissCaption);
  const titleId = useId();
  if (!caption) return null;
  return (
    <section className="caption" role="note" aria-labelledby={titleId}>
      <h2 id={titleId}>{caption.title}</h2>
      <p>{caption.text}</p>
      <button type="button" onClick={dismiss} aria-label="Dismiss caption" title="Dismiss caption">
        ✕
      </button>
    </section>
  );
}
