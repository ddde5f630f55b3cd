// Draws the app icon — a loss surface's contour bands in viridis with gradient descent's
// zig-zag path into its minimum — and writes the PNG set (Linux), icon.icns (macOS) and
// icon.ico (Windows) into build/. No image library: a tiny PNG encoder over node:zlib.
// Usage: node scripts/generate-icons.mjs   (the outputs are committed; rerun after a change)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Buffer } from 'node:buffer';
import { crc32, deflateSync } from 'node:zlib';

const BUILD = new URL('../build/', import.meta.url);
const SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];

// The app's own viridis table (64 samples), so the icon matches the default colour map.
const tables = readFileSync(new URL('../shared/colormaps/tables.ts', import.meta.url), 'utf8');
const viridisHex = /viridis: '([0-9a-f]+)'/.exec(tables)[1];
const VIRIDIS = Array.from({ length: viridisHex.length / 6 }, (_, i) =>
  [0, 2, 4].map((o) => parseInt(viridisHex.slice(6 * i + o, 6 * i + o + 2), 16)),
);

/** The loss: an ill-conditioned quadratic valley, rotated; its minimum sits right of centre. */
const CENTER = [0.16, -0.1];
const ANGLE = (32 * Math.PI) / 180;
const [A, B] = [1.05, 0.34];
const rotate = ([x, y]) => {
  const [dx, dy] = [x - CENTER[0], y - CENTER[1]];
  return [dx * Math.cos(ANGLE) + dy * Math.sin(ANGLE), -dx * Math.sin(ANGLE) + dy * Math.cos(ANGLE)];
};
/** Normalised radius: 0 at the minimum, about 1 at the tile's corners. */
const radius = (p) => {
  const [u, v] = rotate(p);
  return Math.sqrt((u / A) ** 2 + (v / B) ** 2) / 2.9;
};
const BANDS = 9;

/** Plain gradient descent from the valley's far end: it zig-zags across the narrow axis, the picture the app explains. */
function optimizerPath() {
  let [u, v] = [-1.0, 0.32];
  const path = [];
  for (let k = 0; k <= 40; k++) {
    path.push([
      CENTER[0] + u * Math.cos(ANGLE) - v * Math.sin(ANGLE),
      CENTER[1] + u * Math.sin(ANGLE) + v * Math.cos(ANGLE),
    ]);
    [u, v] = [u - (0.205 * u) / (A * A), v - (0.205 * v) / (B * B)];
  }
  return path;
}
const PATH = optimizerPath();

const smooth = (edge, distance) => Math.min(1, Math.max(0, 0.5 - distance / edge + 0.5));
const over = (base, [r, g, b], alpha) => base.map((c, i) => c + ([r, g, b][i] - c) * alpha);

function segmentDistance(px, py, [ax, ay], [bx, by]) {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy || 1)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** RGBA pixels of the icon at size × size, antialiased by distance, not by supersampling. */
function render(size) {
  const pixels = Buffer.alloc(size * size * 4);
  const toPixel = ([x, y]) => [((x + 1) / 2) * size, ((1 - y) / 2) * size];
  const path = PATH.map(toPixel);
  // Small sizes keep the bands and a hairline path, the smallest only the minimum: more would blur into a blot.
  const small = size < 64;
  const tiny = size < 32;
  const stroke = Math.max(size * 0.024, 0.9);
  const halo = stroke * 1.9;
  const cornerRadius = size * 0.2;
  const inset = size * 0.03;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      const [cx, cy] = [px + 0.5, py + 0.5];
      // Rounded square: signed distance to its edge.
      const qx = Math.abs(cx - size / 2) - (size / 2 - inset - cornerRadius);
      const qy = Math.abs(cy - size / 2) - (size / 2 - inset - cornerRadius);
      const edge = Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - cornerRadius;
      const coverage = smooth(1, edge);
      if (coverage <= 0) continue;
      const point = [(cx / size) * 2 - 1, 1 - (cy / size) * 2];
      const r = radius(point);
      const level = Math.min(BANDS - 1, Math.floor(r * BANDS));
      let color = VIRIDIS[Math.round((level / (BANDS - 1)) * 0.92 * (VIRIDIS.length - 1))];
      if (!small && r < (BANDS - 0.5) / BANDS) {
        // Contour lines between bands, about a pixel wide at any size.
        const step = 2 / size;
        const gradient =
          Math.hypot(radius([point[0] + step, point[1]]) - r, radius([point[0], point[1] + step]) - r) * BANDS;
        const fromLine = Math.abs(r * BANDS - Math.round(r * BANDS)) / (gradient || 1);
        color = over(color, [13, 17, 23], 0.45 * smooth(1, fromLine - size / 512));
      }
      let distance = Infinity;
      for (let i = 1; i < path.length && !tiny; i++)
        distance = Math.min(distance, segmentDistance(cx, cy, path[i - 1], path[i]));
      if (!small) color = over(color, [13, 17, 23], 0.55 * smooth(1, distance - halo / 2));
      color = over(color, [255, 255, 255], smooth(1, distance - stroke / 2));
      const [mx, my] = toPixel(CENTER);
      color = over(color, [255, 255, 255], smooth(1, Math.hypot(cx - mx, cy - my) - stroke * 1.6));
      const [sx, sy] = path[0];
      if (!small) color = over(color, [255, 255, 255], smooth(1, Math.hypot(cx - sx, cy - sy) - stroke * 1.3));
      const at = (py * size + px) * 4;
      pixels[at] = Math.round(color[0]);
      pixels[at + 1] = Math.round(color[1]);
      pixels[at + 2] = Math.round(color[2]);
      pixels[at + 3] = Math.round(255 * coverage);
    }
  }
  return pixels;
}

function chunk(type, data) {
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function encodePng(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA, no interlace
  const rows = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** ICNS with PNG payloads: each OSType names a size (and the @2x variants reuse larger PNGs). */
function encodeIcns(pngs) {
  const types = [
    ['icp4', 16],
    ['icp5', 32],
    ['icp6', 64],
    ['ic07', 128],
    ['ic08', 256],
    ['ic09', 512],
    ['ic10', 1024],
    ['ic11', 32],
    ['ic12', 64],
    ['ic13', 256],
    ['ic14', 512],
  ];
  const entries = types.map(([type, size]) => {
    const head = Buffer.alloc(8);
    head.write(type, 0, 'ascii');
    head.writeUInt32BE(pngs.get(size).length + 8, 4);
    return Buffer.concat([head, pngs.get(size)]);
  });
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'ascii');
  head.writeUInt32BE(8 + entries.reduce((n, entry) => n + entry.length, 0), 4);
  return Buffer.concat([head, ...entries]);
}

/** ICO with PNG payloads (Windows Vista and later), up to 256 px. */
function encodeIco(pngs) {
  const sizes = [16, 24, 32, 48, 64, 128, 256];
  const directory = Buffer.alloc(6 + 16 * sizes.length);
  directory.writeUInt16LE(0, 0);
  directory.writeUInt16LE(1, 2);
  directory.writeUInt16LE(sizes.length, 4);
  let offset = directory.length;
  sizes.forEach((size, i) => {
    const at = 6 + 16 * i;
    directory.writeUInt8(size % 256, at); // 0 means 256
    directory.writeUInt8(size % 256, at + 1);
    directory.writeUInt16LE(1, at + 4);
    directory.writeUInt16LE(32, at + 6);
    directory.writeUInt32LE(pngs.get(size).length, at + 8);
    directory.writeUInt32LE(offset, at + 12);
    offset += pngs.get(size).length;
  });
  return Buffer.concat([directory, ...sizes.map((size) => pngs.get(size))]);
}

const pngs = new Map(SIZES.map((size) => [size, encodePng(size, render(size))]));
mkdirSync(new URL('icons/', BUILD), { recursive: true });
for (const [size, png] of pngs) writeFileSync(new URL(`icons/${size}x${size}.png`, BUILD), png);
writeFileSync(new URL('icon.png', BUILD), pngs.get(1024));
writeFileSync(new URL('icon.icns', BUILD), encodeIcns(pngs));
writeFileSync(new URL('icon.ico', BUILD), encodeIco(pngs));
console.log(`wrote build/icon.png, build/icon.icns, build/icon.ico and build/icons/ (${SIZES.join(', ')} px)`);
