import { useAppStore } from '../store/app-store';
// Registers the charts' image with the export panel.
import './charts-image';
import { LayerNormsChart } from './LayerNormsChart';
import { SeriesChart } from './SeriesChart';

/**
 * Loss and gradient norm of every run over the steps, following the timeline; for networks
 * also the test loss (so overfitting shows as the curves part) and the newest run's per-layer
 * gradient norms.
 */
export function ChartsPanel() {
  const kind = useAppStore((state) => state.kind);
  const runs = useAppStore((state) => state.shownRuns);
  const hasTest = runs.some((run) => run.series.testLoss.length > 0);
  const layered = runs.filter((run) => run.series.layers > 0).at(-1);
  return (
    <section className={`charts${kind === 'network' ? ' charts-network' : ''}`} aria-label="Charts">
      <SeriesChart title={kind === 'network' ? 'Training loss' : 'Loss'} metric="loss" defaultScale="auto" />
      {hasTest && <SeriesChart title="Test loss" metric="testLoss" defaultScale="auto" />}
      <SeriesChart title="Gradient norm" metric="gradNorm" defaultScale="log" />
      {layered && <LayerNormsChart run={layered} />}
    </section>
  );
}
