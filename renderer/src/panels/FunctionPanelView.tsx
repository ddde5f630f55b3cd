import { FunctionScene } from '../function/FunctionScene';
import { CameraLink } from './CameraLink';
import type { PanelViewProps } from './panel-views';

/** A function problem's panel: the shared surface in 3D with the panel's runs, cameras linked. */
export function FunctionPanelView({ index, cameraSync }: PanelViewProps) {
  return (
    <FunctionScene label={`3D loss surface, panel ${index + 1}`} exportable={index === 0}>
      <CameraLink sync={cameraSync} />
    </FunctionScene>
  );
}
