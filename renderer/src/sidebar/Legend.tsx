import { useMemo } from 'react';
import type { EventType } from '../../../shared/events';
import { CRITICAL_POINT_TYPES } from '../../../shared/events';
import { CRITICAL_POINT_GLYPHS, EVENT_GLYPHS, EVENT_LABELS } from '../plot/event-glyphs';
import { sliceCriticalPoints } from '../network/slice-scene';
import { MAIN_SLICE } from '../store/app-model';
import { useAppStore } from '../store/app-store';
import { CRITICAL_POINT_COLOR } from '../store/palette';
import { Glyph } from './Glyph';

/** Event glyphs take their run's colour; the legend shows their shapes in a neutral grey. */
const EVENT_SAMPLE_COLOR = '#b8c0ca';

/**
 * What the marks on the views mean, limited to the kinds on screen: the surface's critical
 * points (white shapes), the events along the paths (shapes in the run's colour), the markers.
 */
export function Legend() {
  // A network's are its landscape slice's, found on the grid.
  const criticalPoints = useAppStore((state) =>
    state.kind === 'network' ? sliceCriticalPoints(state.slices[MAIN_SLICE]) : state.surface?.criticalPoints,
  );
  const runs = useAppStore((state) => state.runs);
  const kind = useAppStore((state) => state.kind);
  const criticalTypes = CRITICAL_POINT_TYPES.filter((type) => criticalPoints?.some((point) => point.type === type));
  const eventTypes = useMemo(() => {
    const present = new Set<EventType>(runs.flatMap((run) => run.events.map((event) => event.type)));
    return (Object.keys(EVENT_GLYPHS) as EventType[]).filter((type) => present.has(type));
  }, [runs]);
  return (
    <section className="legend" aria-label="Legend">
      <h2>Legend</h2>
      {criticalTypes.length > 0 && (
        <>
          <h3>{kind === 'network' ? 'Critical points on this slice' : 'Critical points'}</h3>
          <ul>
            {criticalTypes.map((type) => (
              <li key={type}>
                <Glyph path={CRITICAL_POINT_GLYPHS[type]} color={CRITICAL_POINT_COLOR} /> {type}
              </li>
            ))}
          </ul>
        </>
      )}
      {eventTypes.length > 0 && (
        <>
          <h3>Path events</h3>
          <ul>
            {eventTypes.map((type) => (
              <li key={type}>
                <Glyph path={EVENT_GLYPHS[type]} color={EVENT_SAMPLE_COLOR} /> {EVENT_LABELS[type]}
              </li>
            ))}
          </ul>
        </>
      )}
      <h3>Markers</h3>
      <ul>
        <li>
          <svg className="glyph" width={14} height={14} viewBox="-12 -12 24 24" aria-hidden="true">
            <path
              d="M-7 0a7 7 0 1 0 14 0a7 7 0 1 0 -14 0M-11 0H11M0 -11V11"
              fill="none"
              stroke="#ffffff"
              strokeWidth={2}
            />
          </svg>{' '}
          next start
        </li>
        <li>
          <svg className="glyph" width={14} height={14} viewBox="-8 -8 16 16" aria-hidden="true">
            <circle r={5.5} fill="#b8c0ca" stroke="#0d1117" strokeWidth={1.5} />
          </svg>{' '}
          current step
        </li>
      </ul>
    </section>
  );
}
