import { describe, expect, it } from 'vitest';
import { LABEL_REFERENCE_HEIGHT, labelGrowth } from '../../../renderer/src/scene/label-growth';

describe('3D axis label growth', () => {
  it('leaves labels as they are in a view at least as tall as the reference, at any pixel ratio', () => {
    expect(labelGrowth(LABEL_REFERENCE_HEIGHT, 1)).toBe(1);
    expect(labelGrowth(624 * 2, 2)).toBe(1);
    expect(labelGrowth(1080, 1)).toBe(1);
  });

  it('grows them in a short canvas so they keep the reference’s size on screen', () => {
    // A 250 CSS px panel, drawn at pixel ratio 1 or 2: its labels are as tall in pixels as in a 600 px view.
    expect(labelGrowth(250, 1)).toBeCloseTo(2.4, 12);
    expect(labelGrowth(500, 2)).toBeCloseTo(2.4, 12);
    // A small exported frame, rendered at pixel ratio 1.
    expect(labelGrowth(360, 1)).toBeCloseTo(600 / 360, 12);
  });

  it('leaves them be while the canvas has no size yet', () => {
    expect(labelGrowth(0, 1)).toBe(1);
  });
});
