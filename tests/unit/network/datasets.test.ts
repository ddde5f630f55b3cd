import { describe, expect, it } from 'vitest';
import { MAX_CSV_COLUMNS, MAX_DATASET_ROWS, MAX_PARAMETERS } from '../../../shared/limits';
import {
  GENERATED_DATASET_NAMES,
  mlpProblemSchema,
  type GeneratedDatasetName,
} from '../../../shared/spec/network-spec';
import { parseCsvDataset } from '../../../electron/engine/network/csv-dataset';
import { splitDataset, type Dataset } from '../../../electron/engine/network/dataset';
import { InvalidInputError } from '../../../electron/engine/invalid-input';
import { loadIris } from '../../../electron/engine/network/iris-dataset';
import { resolveNetworkProblem } from '../../../electron/engine/network/network-problem';
import { generateDataset } from '../../../electron/engine/network/synthetic-datasets';

const generate = (name: GeneratedDatasetName, samples = 101, noise = 0, seed = 1): Dataset =>
  generateDataset({ name, samples, noise, seed });
const point = (d: Dataset, i: number): number[] => Array.from(d.x.subarray(i * d.features, (i + 1) * d.features));
const count = (values: Float32Array, value: number): number => values.filter((v) => v === value).length;

describe('generated datasets', () => {
  it.each(GENERATED_DATASET_NAMES.filter((name) => name !== 'sine'))(
    '%s: 2-D, two classes, reproducible by seed',
    (name) => {
      const d = generate(name, 101, 0.1);
      expect([d.rows, d.features, d.x.length, d.y.length]).toEqual([101, 2, 202, 101]);
      expect(new Set(d.y)).toEqual(new Set([0, 1]));
      if (name !== 'xor') expect([count(d.y, 0), count(d.y, 1)]).toEqual([50, 51]);
      expect(generate(name, 101, 0.1)).toEqual(d);
      expect(generate(name, 101, 0.1, 2).x).not.toEqual(d.x);
    },
  );

  it('circles: class 0 on the unit circle, class 1 on the circle of radius 0.5', () => {
    const d = generate('circles');
    for (let i = 0; i < d.rows; i++) expect(Math.hypot(...point(d, i))).toBeCloseTo(d.y[i] === 0 ? 1 : 0.5, 6);
  });

  it("moons: scikit-learn's half circles", () => {
    const d = generate('moons');
    for (let i = 0; i < d.rows; i++) {
      const [x, y] = point(d, i) as [number, number];
      const radius = d.y[i] === 0 ? Math.hypot(x, y) : Math.hypot(x - 1, y - 0.5);
      expect(radius).toBeCloseTo(1, 6);
      expect(d.y[i] === 0 ? y >= -1e-7 : y <= 0.5 + 1e-7).toBe(true);
    }
  });

  it('spiral: two arms half a turn apart whose radius grows from 0 to 1', () => {
    const d = generate('spiral', 100);
    for (let i = 0; i < 50; i++) {
      expect(Math.hypot(...point(d, i))).toBeCloseTo(i / 50, 6);
      const [x0, y0] = point(d, i) as [number, number];
      const [x1, y1] = point(d, 50 + i) as [number, number];
      expect(x1).toBeCloseTo(-x0, 6);
      expect(y1).toBeCloseTo(-y0, 6);
    }
  });

  it('xor: class 1 where the coordinates have opposite signs', () => {
    const d = generate('xor', 400);
    for (let i = 0; i < d.rows; i++) {
      const [x, y] = point(d, i) as [number, number];
      expect(d.y[i]).toBe(x * y < 0 ? 1 : 0);
      expect(Math.max(Math.abs(x), Math.abs(y))).toBeLessThanOrEqual(1);
    }
    expect(count(d.y, 1)).toBeGreaterThan(150);
    expect(count(d.y, 0)).toBeGreaterThan(150);
  });

  it('gaussians: blobs around (-1, -1) and (1, 1) whose spread is the noise', () => {
    const exact = generate('gaussians');
    for (let i = 0; i < exact.rows; i++) expect(point(exact, i)).toEqual(exact.y[i] === 0 ? [-1, -1] : [1, 1]);
    const noisy = generate('gaussians', 20_000, 0.5);
    let squares = 0;
    for (let i = 0; i < noisy.rows; i++) {
      const centre = noisy.y[i] === 0 ? -1 : 1;
      for (const v of point(noisy, i)) squares += (v - centre) ** 2;
    }
    // 40,000 draws: the sample variance's relative standard error is 0.7 %.
    expect(squares / (2 * noisy.rows) / 0.25).toBeCloseTo(1, 1);
  });

  it('sine: y = sin(x) for x in [-π, π], one input', () => {
    const d = generate('sine', 200);
    expect([d.rows, d.features]).toEqual([200, 1]);
    for (let i = 0; i < d.rows; i++) {
      expect(Math.abs(d.x[i]!)).toBeLessThanOrEqual(Math.PI);
      expect(d.y[i]).toBeCloseTo(Math.sin(d.x[i]!), 6);
    }
  });
});

describe('train/test split', () => {
  const d = generate('moons', 200, 0.1);

  it('holds out round(rows × testFraction) rows, seeded, and loses none', () => {
    const { train, test } = splitDataset(d, 0.25, 9);
    expect([train.rows, test!.rows]).toEqual([150, 50]);
    const key = (s: Dataset, i: number) => `${point(s, i)}:${s.y[i]}`;
    const all = [
      ...Array.from({ length: 150 }, (_, i) => key(train, i)),
      ...Array.from({ length: 50 }, (_, i) => key(test!, i)),
    ];
    expect(all.sort()).toEqual(Array.from({ length: 200 }, (_, i) => key(d, i)).sort());
    expect(splitDataset(d, 0.25, 9)).toEqual({ train, test });
    expect(splitDataset(d, 0.25, 10).test!.x).not.toEqual(test!.x);
  });

  it('keeps everything for training at testFraction 0', () => {
    expect(splitDataset(d, 0, 1)).toEqual({ train: d });
  });
});

describe('iris', () => {
  it("is Fisher's 150 samples: 4 measurements, 3 classes of 50", async () => {
    const iris = await loadIris();
    expect([iris.rows, iris.features]).toEqual([150, 4]);
    expect(iris.featureNames).toEqual(['sepal_length', 'sepal_width', 'petal_length', 'petal_width']);
    expect([0, 1, 2].map((c) => count(iris.y, c))).toEqual([50, 50, 50]);
    expect(point(iris, 0)).toEqual([5.1, 3.5, 1.4, 0.2].map(Math.fround));
    expect(point(iris, 149)).toEqual([5.9, 3.0, 5.1, 1.8].map(Math.fround));
  });
});

describe('CSV datasets', () => {
  it('reads a header row and numeric columns; the target may be any column', () => {
    const d = parseCsvDataset('a, "label" ,b\r\n1,0,2\n\n3,1,4.5e0\n', 'label', 'data.csv');
    expect(d.featureNames).toEqual(['a', 'b']);
    expect(Array.from(d.x)).toEqual([1, 2, 3, 4.5]);
    expect(Array.from(d.y)).toEqual([0, 1]);
  });

  it('follows RFC 4180: a BOM, CRLF, quoted names holding commas, quotes and line breaks', () => {
    const text = '\uFEFF"width, cm","say ""hi""","two\r\nlines",y\r\n"1.5",2,3,0\r\n4,"5",6,1\r\n';
    const d = parseCsvDataset(text, 'y', 'data.csv');
    expect(d.featureNames).toEqual(['width, cm', 'say "hi"', 'two\r\nlines']);
    expect(Array.from(d.x)).toEqual([1.5, 2, 3, 4, 5, 6]);
    expect(Array.from(d.y)).toEqual([0, 1]);
  });

  it('reports every bad row by its line number in one error, quoting none of the file', () => {
    const text = 'x1,x2,y\n1,2,0\n3,,1\n4,5\n6,seven,1\n8,9,NaN\n1,2,1,3\n';
    expect(() => parseCsvDataset(text, 'y', 'data.csv')).toThrow(
      'data.csv: 5 bad rows: line 3: column 2 is not a finite number; line 4: 2 values where the header has 3; ' +
        'line 5: column 2 is not a finite number; line 6: column 3 is not a finite number; ' +
        'line 7: 4 values where the header has 3',
    );
  });

  it('lists ten bad rows and counts the rest', () => {
    const text = `x,y\n${Array.from({ length: 14 }, () => 'a,1').join('\n')}`;
    expect(() => parseCsvDataset(text, 'y', 'd.csv')).toThrow(/line 11: .*; and 4 more$/);
  });

  it('never quotes the file: a password file is not echoed', () => {
    const passwd = 'root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n';
    for (const target of ['root', 'x']) {
      expect(() => parseCsvDataset(passwd, target, 'passwd')).toThrow(/^passwd: /);
      expect(() => parseCsvDataset(passwd, target, 'passwd')).not.toThrow(/root:x|daemon|bash/);
    }
    expect(() => parseCsvDataset('a,b\n1,"x"y\n', 'b', 'd.csv')).toThrow(
      new InvalidInputError('d.csv: line 2: not valid CSV (a closing quote is followed by more text)'),
    );
  });

  it(`refuses more than ${MAX_CSV_COLUMNS} columns or ${MAX_DATASET_ROWS} rows`, () => {
    const wide = Array.from({ length: MAX_CSV_COLUMNS + 1 }, (_, i) => `c${i}`).join(',');
    expect(() => parseCsvDataset(`${wide}\n`, 'c0', 'd.csv')).toThrow(
      `d.csv: the header has ${MAX_CSV_COLUMNS + 1} columns; the limit is ${MAX_CSV_COLUMNS}`,
    );
    const tall = `x,y\n${'1,0\n'.repeat(MAX_DATASET_ROWS + 1)}`;
    expect(() => parseCsvDataset(tall, 'y', 'd.csv')).toThrow('d.csv: holds more than 100,000 data rows, the limit');
    // Blank lines are no rows: the limit counts data rows.
    expect(parseCsvDataset(`x,y\n${'\n'.repeat(MAX_DATASET_ROWS)}1,0\n`, 'y', 'd.csv').rows).toBe(1);
  }, 30_000);

  it.each([
    ['', 'y', 'd.csv: the file is empty; it needs a header row and data rows'],
    ['x,y\n', 'y', 'd.csv: has a header but no data rows'],
    ['x,y\n1,2\n', 'z', 'd.csv: no column "z" among the header’s 2 columns'],
    ['y\n1\n', 'y', 'd.csv: needs at least one input column besides "y"'],
    ['x,x,y\n1,2,3\n', 'y', 'd.csv: columns 1 and 2 of the header have the same name'],
  ])('rejects %j', (text, target, message) => {
    expect(() => parseCsvDataset(text, target, 'd.csv')).toThrow(new InvalidInputError(message));
  });
});

describe('resolving a problem', () => {
  const resolve = (mlp: Record<string, unknown>) =>
    resolveNetworkProblem(mlpProblemSchema.parse({ hidden: [8], activation: 'tanh', ...mlp }));

  it('sizes the layers from the data and the loss', async () => {
    expect((await resolve({ dataset: { name: 'moons' }, loss: 'bce' })).sizes).toEqual([2, 8, 1]);
    expect((await resolve({ dataset: { name: 'iris' }, loss: 'cross_entropy' })).sizes).toEqual([4, 8, 3]);
    expect((await resolve({ dataset: { name: 'sine' }, loss: 'mse' })).sizes).toEqual([1, 8, 1]);
  });

  it('splits with the dataset seed', async () => {
    const problem = await resolve({
      dataset: { name: 'circles', samples: 100, seed: 4 },
      loss: 'bce',
      testFraction: 0.2,
    });
    expect([problem.train.rows, problem.test!.rows]).toEqual([80, 20]);
  });

  it('parses a CSV’s content and checks its labels suit the loss', async () => {
    const csv = { csvText: 'x,c\n0.5,0\n1.5,1\n2.5,2\n', file: 'three.csv', target: 'c' };
    expect((await resolve({ dataset: csv, loss: 'cross_entropy' })).classes).toBe(3);
    await expect(resolve({ dataset: csv, loss: 'bce' })).rejects.toThrow(
      'target "c" has 3 classes and bce takes two (0 and 1): use cross_entropy',
    );
    await expect(
      resolve({ dataset: { csvText: 'x,v\n0.5,0.25\n', target: 'v' }, loss: 'cross_entropy' }),
    ).rejects.toThrow(
      'target "v" holds 0.25, but cross_entropy needs class labels 0, 1, …; use mse to fit real values',
    );
  });

  it(`refuses a CSV network over ${MAX_PARAMETERS} parameters once its inputs are known`, async () => {
    // With one input (the least a CSV gives) 49,618,585 parameters: the schema passes it; with 99, 50,002,353.
    const header = [...Array.from({ length: 99 }, (_, i) => `x${i}`), 'y'].join(',');
    const mlp = {
      dataset: { csvText: `${header}\n${Array(100).fill(0).join(',')}\n`, target: 'y' },
      hidden: [3916, 4096, 4096, 4096],
      loss: 'mse',
    };
    expect(mlpProblemSchema.safeParse({ activation: 'tanh', ...mlp }).success).toBe(true);
    await expect(resolve(mlp)).rejects.toThrow(
      'problem.mlp.hidden: the network has 50,002,353 parameters; the limit is 50,000,000',
    );
  });
});
