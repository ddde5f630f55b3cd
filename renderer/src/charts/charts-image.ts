import { composeShownCanvases, registerImageView } from '../export/image-views';

// Drawn for the screen and scaled to the width asked for: their height follows their shape.
registerImageView({
  id: 'charts',
  label: 'Charts',
  kinds: ['function', 'network'],
  order: 10,
  takesHeight: false,
  render: (width) =>
    composeShownCanvases('.charts canvas', width, 'there are no charts yet: they appear once a run has started'),
});
