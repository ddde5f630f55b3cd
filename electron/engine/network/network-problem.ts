import {
  parametersProblem,
  type Activation,
  type DatasetSpec,
  type LossName,
  type MlpProblem,
} from '../../../shared/spec/network-spec';
import { InvalidInputError } from '../invalid-input';
import { parseCsvDataset } from './csv-dataset';
import { splitDataset, type Dataset } from './dataset';
import { loadIris } from './iris-dataset';
import { generateDataset } from './synthetic-datasets';

/** An MLP problem with its data loaded and split, ready to train. */
export interface ResolvedNetworkProblem {
  activation: Activation;
  loss: LossName;
  train: Dataset;
  test?: Dataset;
  /** Layer widths from the inputs to the outputs, e.g. [2, 16, 16, 1]. */
  sizes: number[];
  /** Classification: how many classes the labels 0, 1, … name. Regression (mse): absent. */
  classes?: number;
}

/**
 * Makes or parses the dataset (a CSV arrives as its content: the engine opens no file a spec or
 * client names) and checks its targets suit the loss and the network its size limit.
 */
export async function resolveNetworkProblem(mlp: MlpProblem): Promise<ResolvedNetworkProblem> {
  const dataset = await loadDataset(mlp.dataset);
  const classes = mlp.loss === 'mse' ? undefined : countClasses(dataset, mlp.loss);
  const outputs = mlp.loss === 'cross_entropy' ? classes! : 1;
  const sizes = [dataset.features, ...mlp.hidden, outputs];
  // The schema checked the least network a CSV could make; its inputs and classes are known now.
  const tooLarge = parametersProblem(sizes);
  if (tooLarge) throw new InvalidInputError(`problem.mlp.hidden: ${tooLarge}`);
  const { train, test } = splitDataset(dataset, mlp.testFraction, mlp.dataset.seed);
  const { activation, loss } = mlp;
  return { activation, loss, train, test, sizes, classes };
}

function loadDataset(spec: DatasetSpec): Promise<Dataset> | Dataset {
  if ('csvText' in spec) return parseCsvDataset(spec.csvText, spec.target, spec.file);
  if (spec.name === 'iris') return loadIris();
  return generateDataset(spec);
}

/** Classes are the labels 0 … k-1; bce takes exactly 0 and 1. */
function countClasses(dataset: Dataset, loss: 'bce' | 'cross_entropy'): number {
  let highest = 0;
  for (const label of dataset.y) {
    if (!Number.isInteger(label) || label < 0) {
      throw new InvalidInputError(
        `target "${dataset.targetName}" holds ${label}, but ${loss} needs class labels 0, 1, …; use mse to fit real values`,
      );
    }
    highest = Math.max(highest, label);
  }
  if (loss === 'bce' && highest > 1) {
    throw new InvalidInputError(
      `target "${dataset.targetName}" has ${highest + 1} classes and bce takes two (0 and 1): use cross_entropy`,
    );
  }
  return Math.max(2, highest + 1);
}
