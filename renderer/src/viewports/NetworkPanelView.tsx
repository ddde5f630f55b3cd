import { LandscapeView } from '../network/LandscapeView';
import { useViewSource } from '../scene/view-source';

/** A network problem's panel: the landscape around its run (its own slice), or the shared one for all runs. */
export function NetworkPanelView() {
  const { runId } = useViewSource();
  return runId === null ? <LandscapeView /> : <LandscapeView key={runId} runId={runId} />;
}
