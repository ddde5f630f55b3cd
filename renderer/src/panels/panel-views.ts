import type { ComponentType } from 'react';
import type { ProblemKind } from '../store/app-model';
import type { CameraSync } from './camera-sync';
import { FunctionPanelView } from './FunctionPanelView';
import { NetworkPanelView } from './NetworkPanelView';

export interface PanelViewProps {
  /** 0-based. */
  index: number;
  cameraSync: CameraSync;
}

/**
 * What a panel draws, by kind of problem; the panel around it (header, choice of runs, clock) is
 * the same for every kind.
 */
const PANEL_VIEWS: Record<ProblemKind, ComponentType<PanelViewProps>> = {
  function: FunctionPanelView,
  network: NetworkPanelView,
};

export function panelViewFor(kind: ProblemKind): ComponentType<PanelViewProps> {
  return PANEL_VIEWS[kind];
}
