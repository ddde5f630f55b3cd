import { describe, expect, it } from 'vitest';
import { imageViewsFor, registerImageView, viewPng, type ImageView } from '../../../renderer/src/export/image-views';

const view = (
  id: string,
  order: number,
  render: ImageView['render'],
  kinds: ImageView['kinds'] = ['network'],
): ImageView => ({
  id,
  label: id,
  kinds,
  order,
  takesHeight: true,
  render,
});

describe('image views', () => {
  it('lists the views of a problem kind in their order, and forgets one unregistered', () => {
    const never = (): never => {
      throw new Error('not drawn in this test');
    };
    const removeLater = registerImageView(view('test-later', 21, never));
    const removeEarlier = registerImageView(view('test-earlier', 20, never));
    const removeOther = registerImageView(view('test-function', 19, never, ['function']));
    const ids = (kind: 'function' | 'network') =>
      imageViewsFor(kind)
        .map((entry) => entry.id)
        .filter((id) => id.startsWith('test-'));
    expect(ids('network')).toEqual(['test-earlier', 'test-later']);
    expect(ids('function')).toEqual(['test-function']);
    removeLater();
    removeEarlier();
    removeOther();
    expect(ids('network')).toEqual([]);
  });

  it('a view that cannot draw rejects the promise, even when it throws at once, so the caller can show why', async () => {
    const remove = registerImageView(
      view('test-unshown', 0, () => {
        throw new Error('there is nothing to draw yet');
      }),
    );
    const png = viewPng('test-unshown', 320, 240);
    expect(png).toBeInstanceOf(Promise);
    await expect(png).rejects.toThrow('there is nothing to draw yet');
    remove();
    await expect(viewPng('test-unshown', 320, 240)).rejects.toThrow('there is no view "test-unshown" to save');
  });
});

describe('the opened surfaces’ image', () => {
  it('is named after the files shown, not the problem in the sidebar', async () => {
    await import('../../../renderer/src/imported/imported-image');
    const { useImportedLandscapes } = await import('../../../renderer/src/store/imported-landscapes');
    const opened = (file: string) => ({ file }) as never;
    useImportedLandscapes.setState({ surfaces: [opened('resnet56.h5'), opened('vgg9_sgd.H5')] });
    const view = imageViewsFor('function').find((entry) => entry.id === 'opened');
    expect(view?.fileName?.()).toBe('resnet56+vgg9_sgd');
    useImportedLandscapes.setState({ surfaces: [] });
    expect(imageViewsFor('function').some((entry) => entry.id === 'opened')).toBe(false);
  });
});
