import { SeriesChart } from './SeriesChart';

/** Loss and gradient norm of every run over the steps, following the timeline. */
export function ChartsPanel() {
  return (
    <section className="charts" aria-label="Charts">
      <SeriesChart title="Loss" metric="loss" logByDefault={false} />
      <SeriesChart title="Gradient norm" metric="gradNorm" logByDefault />
    </section>
  );
}
