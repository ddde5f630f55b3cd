import { LandscapeView } from '../network/LandscapeView';
import { useViewSource } from '../scene/view-source';
import type { PanelViewProps } from './panel-views';

/** A network problem's panel: the landscape around its run (its own slice), or the shared one for all runs, in 3D with cameras linked. */
export function NetworkPanelView({ index, cameraSync }: PanelViewProps) {
  const { runId } = useViewSource();
  const panel = { index, cameraSync };
  return runId === null ? <LandscapeView panel={panel} /> : <LandscapeView key={runId} runId={runId} panel={panel} />;
}
