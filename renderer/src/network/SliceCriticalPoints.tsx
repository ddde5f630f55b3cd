import type { CriticalPoint } from '../../../shared/events';
import { formatValue } from '../../../shared/format-number';

const PLURAL: Record<CriticalPoint['type'], string> = {
  minimum: 'minima',
  maximum: 'maxima',
  saddle: 'saddles',
  degenerate: 'degenerate points',
};
const ORDER: CriticalPoint['type'][] = ['minimum', 'saddle', 'maximum', 'degenerate'];

/** The critical points of the 2-D slice in words: how many of each, and where its lowest minimum is. They are the slice's, not the network's. */
export function SliceCriticalPoints({ points, complete }: { points: readonly CriticalPoint[]; complete: boolean }) {
  if (!complete) return null;
  const counts = ORDER.flatMap((type) => {
    const n = points.filter((point) => point.type === type).length;
    return n ? [`${n} ${n === 1 ? type : PLURAL[type]}`] : [];
  });
  const lowest = points.filter((point) => point.type === 'minimum').sort((a, b) => a.value - b.value)[0];
  return (
    <p className="hint landscape-critical">
      On this slice: {counts.length ? counts.join(', ') : 'no critical point inside the grid'}
      {lowest &&
        ` · lowest minimum ${formatValue(lowest.value)} at α ${formatValue(lowest.point[0])}, β ${formatValue(lowest.point[1])}`}
    </p>
  );
}
