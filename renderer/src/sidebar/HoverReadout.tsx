import { useLayoutEffect, useRef } from 'react';
import { formatValue } from '../../../shared/format-number';
import { useObjective } from '../plot/use-plot-data';
import { useHoverStore } from '../store/hover-store';

/** Gap between the pointer and the read-out, in pixels. */
const OFFSET = 16;

/**
 * x, y, the loss and its gradient at the point under the pointer, in either view, shown beside
 * the pointer (flipped to its other side near an edge) so it never covers axes or legends.
 */
export function HoverReadout() {
  const target = useHoverStore((state) => state.target);
  const objective = useObjective();
  const box = useRef<HTMLDListElement>(null);

  useLayoutEffect(() => {
    const element = box.current;
    const stage = element?.offsetParent;
    if (!element || !stage || !target) return;
    const area = stage.getBoundingClientRect();
    const x = target.clientX - area.left;
    const y = target.clientY - area.top;
    const left = x + OFFSET + element.offsetWidth > area.width ? x - OFFSET - element.offsetWidth : x + OFFSET;
    const top = y + OFFSET + element.offsetHeight > area.height ? y - OFFSET - element.offsetHeight : y + OFFSET;
    element.style.transform = `translate(${Math.max(0, left)}px, ${Math.max(0, top)}px)`;
  }, [target]);

  if (!target) return null;
  const [x, y] = target.point;
  const gradient = new Float64Array(2);
  objective.gradient(x, y, gradient);
  const [gx, gy] = gradient;
  return (
    <dl className="hover-readout" ref={box} aria-label="Point under the pointer">
      <dt>x</dt>
      <dd>{formatValue(x)}</dd>
      <dt>y</dt>
      <dd>{formatValue(y)}</dd>
      <dt>f</dt>
      <dd>{formatValue(objective.value(x, y))}</dd>
      <dt>∇f</dt>
      <dd>
        ({formatValue(gx)}, {formatValue(gy)})
      </dd>
      <dt>‖∇f‖</dt>
      <dd>{formatValue(Math.hypot(gx!, gy!))}</dd>
    </dl>
  );
}
