import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Bridge } from '../../../shared/protocol';
import { parseSessionText, serializeSession } from '../../../shared/session-file';
import { useImportedLandscapes } from '../../../renderer/src/store/imported-landscapes';
import { captureSession, restoreSession } from '../../../renderer/src/session/session-snapshot';
import { useAppStore } from '../../../renderer/src/store/app-store';
import { dumpedValues, h5Fixture } from '../../support/loss-landscape-fixtures';

const bridge: Bridge = { kind: 'browser', send: () => {}, subscribe: () => () => {} };
const file = (name: string): { name: string; bytes: Uint8Array } => ({ name, bytes: readFileSync(h5Fixture(name)) });

beforeAll(() => {
  useAppStore.getState().connect(bridge);
});

describe('surfaces opened from .h5 files, in a session', () => {
  it('come back with every value of every quantity, the quantity shown and the trajectory', async () => {
    const store = useImportedLandscapes.getState();
    await store.open([file('surface_partial.h5')]);
    await store.open([file('surface_pca.h5'), file('surface_pca_proj.h5')]);
    const [partial, pca] = useImportedLandscapes.getState().surfaces;
    store.chooseQuantity(pca!.id, 'train_acc');
    const text = serializeSession(captureSession());

    store.close(partial!.id);
    store.close(pca!.id);
    restoreSession(parseSessionText(text));
    const restored = useImportedLandscapes.getState().surfaces;
    expect(restored.map((surface) => [surface.file, surface.quantity])).toEqual([
      ['surface_partial.h5', 'train_loss'],
      ['surface_pca.h5', 'train_acc'],
    ]);
    // NaN where the file has NaN, the −1 fill kept, every other value exact.
    expect(Array.from(restored[0]!.grids.get('train_loss')!)).toEqual(dumpedValues('surface_partial.h5', 'train_loss'));
    expect(Array.from(restored[1]!.grids.get('train_acc')!)).toEqual(dumpedValues('surface_pca.h5', 'train_acc'));
    expect(Array.from(restored[1]!.alphas)).toEqual(dumpedValues('surface_pca.h5', 'xcoordinates'));
    const px = dumpedValues('surface_pca_proj.h5', 'proj_xcoord');
    const py = dumpedValues('surface_pca_proj.h5', 'proj_ycoord');
    expect(Array.from(restored[1]!.trajectory!.coordinates)).toEqual(px.flatMap((x, k) => [x, py[k]]));
  });

  it('a trajectory opened after its surface goes onto it; a session without surfaces closes them', async () => {
    const store = useImportedLandscapes.getState();
    await store.open([file('surface_2d.h5')]);
    await store.open([file('surface_pca_proj.h5')]);
    expect(useImportedLandscapes.getState().surfaces.at(-1)!.trajectory!.file).toBe('surface_pca_proj.h5');
    const text = serializeSession(captureSession());
    const { imported: _imported, ...without } = JSON.parse(text) as Record<string, unknown>;
    restoreSession(parseSessionText(JSON.stringify(without)));
    expect(useImportedLandscapes.getState().surfaces).toEqual([]);
  });

  it('refuses a session whose quantity does not fit its grid, naming the field', () => {
    const session = JSON.parse(serializeSession(captureSession())) as Record<string, unknown>;
    session.imported = [
      {
        file: 'a.h5',
        alphas: [0, 1, 2],
        betas: [0, 1],
        quantity: 'train_loss',
        quantities: [{ name: 'train_loss', values: [1, 2, 3, 4, 5] }],
      },
    ];
    expect(() => parseSessionText(JSON.stringify(session))).toThrow(
      'imported[0].quantities[0].values: holds 5 values, the grid 6: train_loss must have one per point',
    );
  });
});
