import { useId, useMemo } from 'react';
import { EVENT_GLYPHS, EVENT_LABELS } from '../plot/event-glyphs';
import { usePlaybackStore } from '../store/playback-store';
import { useAppStore } from '../store/app-store';
import { selectEvent } from '../store/selected-event';
import { Glyph } from './Glyph';

/** Every event of every run in step order, with its explanation; a click moves the timeline there and enlarges its glyph. */
export function EventsPanel() {
  const runs = useAppStore((state) => state.runs);
  const idPrefix = useId();
  const items = useMemo(
    () =>
      runs
        .flatMap((run) => run.events.map((event, index) => ({ run, event, index, key: `${run.id}-${index}` })))
        .sort((a, b) => a.event.step - b.event.step),
    [runs],
  );
  const goTo = (step: number, runId: string, index: number): void => {
    selectEvent({ runId, index });
    const playback = usePlaybackStore.getState();
    playback.pause();
    playback.seek(step);
  };
  return (
    <section className="events" aria-label="Events">
      <h2>Events</h2>
      {items.length === 0 && (
        <p className="hint">
          Stalls at critical points, plateaus, oscillation and exploding gradients along the paths are listed here.
        </p>
      )}
      <ol>
        {items.map(({ run, event, index, key }) => {
          const steps =
            event.endStep !== undefined && event.endStep !== event.step
              ? `${event.step}–${event.endStep}`
              : `${event.step}`;
          const label = EVENT_LABELS[event.type];
          return (
            <li key={key}>
              <button
                type="button"
                onClick={() => goTo(event.step, run.id, index)}
                aria-label={`Go to step ${event.step}: ${label}, ${run.name}`}
                aria-describedby={`${idPrefix}-${key}`}
              >
                <span className="event-head">
                  <Glyph path={EVENT_GLYPHS[event.type]} color={run.color} />
                  <span className="event-type">{label}</span>
                  <span className="event-run">{run.name}</span>
                  <span className="event-steps">step {steps}</span>
                </span>
                <span className="event-message" id={`${idPrefix}-${key}`}>
                  {event.message}
                </span>
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
