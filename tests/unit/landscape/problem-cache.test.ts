import { expect, it } from 'vitest';
import { resolveProblemCached } from '../../../electron/engine/landscape/landscape-request';
import { mlpProblemSchema } from '../../../shared/spec/network-spec';

const problem = (csvText: string, target = 'y') =>
  mlpProblemSchema.parse({ dataset: { csvText, target }, hidden: [2], activation: 'tanh', loss: 'bce' });

it('loads a CSV problem once for requests with equal content, and again when the CSV or the rest differs', async () => {
  const text = 'x,y\n0,0\n1,1\n0,0\n';
  const first = resolveProblemCached(problem(text));
  // Each message brings its own copy of the text: equal content, another string.
  expect(resolveProblemCached(problem(text.slice(0, 4) + text.slice(4)))).toBe(first);
  const otherCsv = resolveProblemCached(problem('x,y\n0,1\n1,0\n1,1\n'));
  expect(otherCsv).not.toBe(first);
  const otherTarget = resolveProblemCached(problem('x,y\n0,1\n1,0\n1,1\n', 'x'));
  expect(otherTarget).not.toBe(otherCsv);
  expect((await otherTarget).train.rows).toBe(3);
});
