import { formatValue } from '../plot/format-number';
import { useObjective } from '../plot/use-plot-data';
import { useHoverStore } from '../store/hover-store';

/** x, y, the loss and its gradient at the point under the pointer, in either view. */
export function HoverReadout() {
  const point = useHoverStore((state) => state.point);
  const objective = useObjective();
  if (!point) return null;
  const [x, y] = point;
  const gradient = new Float64Array(2);
  objective.gradient(x, y, gradient);
  const [gx, gy] = gradient;
  return (
    <dl className="hover-readout" aria-label="Point under the pointer">
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
