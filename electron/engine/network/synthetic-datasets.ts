import type { GeneratedDatasetSpec } from '../../../shared/spec/network-spec';
import { createRandom, type Random } from '../../../shared/random';
import type { Dataset } from './dataset';

/**
 * Datasets made in code from a seed. 2-D sets have two classes (0, 1), class 0's rows first;
 * `noise` is the standard deviation of Gaussian noise added to each coordinate (sine: to y).
 */
export function generateDataset({ name, samples, noise, seed }: GeneratedDatasetSpec): Dataset {
  const random = createRandom(seed);
  if (name === 'sine') return sine(samples, noise, random);
  const x = new Float32Array(2 * samples);
  const y = new Float32Array(samples);
  // Like scikit-learn's generators: floor(n/2) rows of class 0, the rest class 1.
  const firstClass = Math.floor(samples / 2);
  for (let i = 0; i < samples; i++) {
    const label = i < firstClass ? 0 : 1;
    const index = label === 0 ? i : i - firstClass;
    const count = label === 0 ? firstClass : samples - firstClass;
    const [px, py, assigned] = POINT[name](label, index, count, random);
    x[2 * i] = px + noise * random.normal();
    x[2 * i + 1] = py + noise * random.normal();
    y[i] = assigned ?? label;
  }
  return { x, y, rows: samples, features: 2, featureNames: ['x1', 'x2'], targetName: 'label' };
}

/** The noiseless point of row `index` among `count` rows of its class (xor labels its own). */
type PointMaker = (label: 0 | 1, index: number, count: number, random: Random) => [number, number, number?];

const POINT: Record<Exclude<GeneratedDatasetSpec['name'], 'sine'>, PointMaker> = {
  // Two arms, 1.75 turns each, radius 0 → 1, the second turned by half a turn (tensorflow/playground).
  spiral: (label, index, count) => {
    const t = index / count;
    const angle = 1.75 * 2 * Math.PI * t + label * Math.PI;
    return [t * Math.sin(angle), t * Math.cos(angle)];
  },
  // scikit-learn's make_moons.
  moons: (label, index, count) => {
    const t = (Math.PI * index) / Math.max(1, count - 1);
    return label === 0 ? [Math.cos(t), Math.sin(t)] : [1 - Math.cos(t), 1 - Math.sin(t) - 0.5];
  },
  // scikit-learn's make_circles with factor 0.5: class 1 is the inner circle.
  circles: (label, index, count) => {
    const t = (2 * Math.PI * index) / count;
    const radius = label === 0 ? 1 : 0.5;
    return [radius * Math.cos(t), radius * Math.sin(t)];
  },
  // Uniform in [-1, 1]²; class 1 where the coordinates' signs differ. Labelled before the noise.
  xor: (_label, _index, _count, random) => {
    const px = 2 * random.uniform() - 1;
    const py = 2 * random.uniform() - 1;
    return [px, py, px * py < 0 ? 1 : 0];
  },
  // Two blobs centred on (-1, -1) and (1, 1); the noise is their spread.
  gaussians: (label) => (label === 0 ? [-1, -1] : [1, 1]),
};

/** y = sin(x) + noise for x uniform in [-π, π]. */
function sine(samples: number, noise: number, random: Random): Dataset {
  const x = new Float32Array(samples);
  const y = new Float32Array(samples);
  for (let i = 0; i < samples; i++) {
    x[i] = Math.PI * (2 * random.uniform() - 1);
    y[i] = Math.sin(x[i]!) + noise * random.normal();
  }
  return { x, y, rows: samples, features: 1, featureNames: ['x'], targetName: 'y' };
}
