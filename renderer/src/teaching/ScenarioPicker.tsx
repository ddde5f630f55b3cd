import { PresetPicker } from '../compare/ComparePresets';
import { TEACHING_SCENARIOS } from './scenarios';

/** The teaching scenarios, each a button named by its title; its caption shows on hover and over the view. */
export function ScenarioPicker() {
  return <PresetPicker legend="Teaching scenarios" presets={TEACHING_SCENARIOS} className="scenario-picker" />;
}
