import { composeShownCanvases, registerImageView } from '../export/image-views';
import { useImportedLandscapes } from '../store/imported-landscapes';

// The opened surfaces are on screen whenever one is open, so their canvases are copied as laid out.
registerImageView({
  id: 'opened',
  label: 'Opened surfaces',
  kinds: ['function', 'network'],
  order: -1,
  takesHeight: false,
  available: () => useImportedLandscapes.getState().surfaces.length > 0,
  // Named after the files shown, not the problem in the sidebar.
  fileName: () =>
    useImportedLandscapes
      .getState()
      .surfaces.map((surface) => surface.file.replace(/\.h5$/i, ''))
      .join('+'),
  render: (width) => composeShownCanvases('.imported-landscapes canvas', width, 'no surface file is open'),
});
