import { createRandom } from '../../shared/random';
import { mlpProblemSchema, type MlpProblem } from '../../shared/spec/network-spec';

/** One of the bench's reference MLPs, named as scripts/bench/torch_server.py knows it. */
export interface BenchModel {
  name: string;
  mlp: MlpProblem;
}

const ROWS = 1000;

/**
 * The bench's two reference MLPs, which training and landscape grids both time: the models of
 * scripts/bench/torch_train.py and torch_landscape.py. The engine takes CSV content, never a path
 * (shared/spec/network-spec.ts), so the 784-input data travels as CSV text.
 */
export function benchModels(): BenchModel[] {
  models ??= [
    {
      name: '2-16-16-1 tanh bce, 1000 spiral points',
      mlp: mlpProblemSchema.parse({
        dataset: { name: 'spiral', samples: ROWS, noise: 0.05, seed: 1 },
        hidden: [16, 16],
        activation: 'tanh',
        loss: 'bce',
      }),
    },
    {
      name: '784-128-10 relu cross_entropy, 1000 random samples',
      mlp: mlpProblemSchema.parse({
        dataset: { csvText: randomClassificationCsv(ROWS, 784, 10), target: 'label' },
        hidden: [128],
        activation: 'relu',
        loss: 'cross_entropy',
      }),
    },
  ];
  return models;
}

/** Made once: the 784-column CSV is 5.5 MB of text to write and check. */
let models: BenchModel[] | undefined;

/** Inputs uniform in [0, 1) like pixel intensities, labels uniform over the classes. */
function randomClassificationCsv(rows: number, features: number, classes: number): string {
  const random = createRandom(7);
  const header = [...Array.from({ length: features }, (_, i) => `x${i + 1}`), 'label'].join(',');
  const lines = [header];
  for (let r = 0; r < rows; r++) {
    const values = Array.from({ length: features }, () => random.uniform().toFixed(4));
    lines.push([...values, random.int(classes)].join(','));
  }
  return `${lines.join('\n')}\n`;
}
