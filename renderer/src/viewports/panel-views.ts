import type { ComponentType } from 'react';
import type { ProblemKind } from '../store/app-store';
import type { CameraSync } from './camera-sync';
import { FunctionPanelView } from './FunctionPanelView';

export interface PanelViewProps {
  /** 0-based. */
  index: number;
  cameraSync: CameraSync;
}

/**
 * What a panel draws, by kind of problem; the panel around it (header, choice of runs, clock) is
 * the same for every kind. Networks get theirs when the landscape view can be fixed to one run;
 * until then the panels layout is not offered for them.
 */
const PANEL_VIEWS: Partial<Record<ProblemKind, ComponentType<PanelViewProps>>> = {
  function: FunctionPanelView,
};

export function panelViewFor(kind: ProblemKind): ComponentType<PanelViewProps> | null {
  return PANEL_VIEWS[kind] ?? null;
}
