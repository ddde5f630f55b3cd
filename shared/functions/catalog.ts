import { compileExpression } from './expression';
import type { Bounds, Objective2D } from './objective';

/**
 * The function catalog (docs/formats.md, "Function catalog"). Each entry is an expression compiled by
 * the same engine as user expressions, so there is one derivative mechanism to trust.
 */

export const CATALOG_NAMES = [
  'rosenbrock',
  'himmelblau',
  'beale',
  'booth',
  'matyas',
  'rastrigin',
  'ackley',
  'six_hump_camel',
  'three_hump_camel',
  'goldstein_price',
  'styblinski_tang',
  'saddle',
  'monkey_saddle',
  'double_well',
  'quadratic',
  'plateau',
] as const;
export type CatalogName = (typeof CATALOG_NAMES)[number];

export interface CatalogEntry {
  name: CatalogName;
  label: string;
  /** The formula as docs/formats.md writes it (plain Unicode). */
  formula: string;
  /** The same formula in mathjs syntax. */
  expression: string;
  bounds: Bounds;
  /** Global minima inside `bounds` (value and every location), where the function has one. */
  globalMinimum?: { value: number; points: [number, number][] };
}

type EntryData = Omit<CatalogEntry, 'name'>;

// Styblinski–Tang's minimiser, the smallest root of 4t³ − 32t + 5 = 0.
const ST = -2.903534027771177;

const ENTRIES: Record<CatalogName, EntryData> = {
  rosenbrock: {
    label: 'Rosenbrock',
    formula: '(1 − x)² + 100 (y − x²)²',
    expression: '(1 - x)^2 + 100 (y - x^2)^2',
    bounds: [
      [-2, 2],
      [-1, 3],
    ],
    globalMinimum: { value: 0, points: [[1, 1]] },
  },
  himmelblau: {
    label: 'Himmelblau',
    formula: '(x² + y − 11)² + (x + y² − 7)²',
    expression: '(x^2 + y - 11)^2 + (x + y^2 - 7)^2',
    bounds: [
      [-5, 5],
      [-5, 5],
    ],
    globalMinimum: {
      value: 0,
      points: [
        [3, 2],
        [-2.805118086952745, 3.131312518250573],
        [-3.779310253377747, -3.283185991286169],
        [3.5844283403304917, -1.8481265269644034],
      ],
    },
  },
  beale: {
    label: 'Beale',
    formula: '(1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²',
    expression: '(1.5 - x + x y)^2 + (2.25 - x + x y^2)^2 + (2.625 - x + x y^3)^2',
    bounds: [
      [-4.5, 4.5],
      [-4.5, 4.5],
    ],
    globalMinimum: { value: 0, points: [[3, 0.5]] },
  },
  booth: {
    label: 'Booth',
    formula: '(x + 2y − 7)² + (2x + y − 5)²',
    expression: '(x + 2 y - 7)^2 + (2 x + y - 5)^2',
    bounds: [
      [-10, 10],
      [-10, 10],
    ],
    globalMinimum: { value: 0, points: [[1, 3]] },
  },
  matyas: {
    label: 'Matyas',
    formula: '0.26 (x² + y²) − 0.48 xy',
    expression: '0.26 (x^2 + y^2) - 0.48 x y',
    bounds: [
      [-10, 10],
      [-10, 10],
    ],
    globalMinimum: { value: 0, points: [[0, 0]] },
  },
  rastrigin: {
    label: 'Rastrigin',
    formula: '20 + x² − 10 cos 2πx + y² − 10 cos 2πy',
    expression: '20 + x^2 - 10 cos(2 pi x) + y^2 - 10 cos(2 pi y)',
    bounds: [
      [-5.12, 5.12],
      [-5.12, 5.12],
    ],
    globalMinimum: { value: 0, points: [[0, 0]] },
  },
  ackley: {
    label: 'Ackley',
    formula: '−20 exp(−0.2 √(0.5 (x² + y²))) − exp(0.5 (cos 2πx + cos 2πy)) + e + 20',
    expression: '-20 exp(-0.2 sqrt(0.5 (x^2 + y^2))) - exp(0.5 (cos(2 pi x) + cos(2 pi y))) + e + 20',
    bounds: [
      [-5, 5],
      [-5, 5],
    ],
    globalMinimum: { value: 0, points: [[0, 0]] },
  },
  six_hump_camel: {
    label: 'Six-hump camel',
    formula: '(4 − 2.1x² + x⁴/3) x² + xy + (−4 + 4y²) y²',
    expression: '(4 - 2.1 x^2 + x^4 / 3) x^2 + x y + (-4 + 4 y^2) y^2',
    bounds: [
      [-3, 3],
      [-2, 2],
    ],
    globalMinimum: {
      value: -1.0316284534898774,
      points: [
        [0.08984201310031806, -0.7126564030207396],
        [-0.08984201310031806, 0.7126564030207396],
      ],
    },
  },
  three_hump_camel: {
    label: 'Three-hump camel',
    formula: '2x² − 1.05x⁴ + x⁶/6 + xy + y²',
    expression: '2 x^2 - 1.05 x^4 + x^6 / 6 + x y + y^2',
    bounds: [
      [-2, 2],
      [-2, 2],
    ],
    globalMinimum: { value: 0, points: [[0, 0]] },
  },
  goldstein_price: {
    label: 'Goldstein–Price',
    formula:
      '[1 + (x+y+1)² (19 − 14x + 3x² − 14y + 6xy + 3y²)] · [30 + (2x−3y)² (18 − 32x + 12x² + 48y − 36xy + 27y²)]',
    expression:
      '(1 + (x + y + 1)^2 (19 - 14 x + 3 x^2 - 14 y + 6 x y + 3 y^2)) * (30 + (2 x - 3 y)^2 (18 - 32 x + 12 x^2 + 48 y - 36 x y + 27 y^2))',
    bounds: [
      [-2, 2],
      [-2, 2],
    ],
    globalMinimum: { value: 3, points: [[0, -1]] },
  },
  styblinski_tang: {
    label: 'Styblinski–Tang',
    formula: '((x⁴ − 16x² + 5x) + (y⁴ − 16y² + 5y)) / 2',
    expression: '((x^4 - 16 x^2 + 5 x) + (y^4 - 16 y^2 + 5 y)) / 2',
    bounds: [
      [-5, 5],
      [-5, 5],
    ],
    globalMinimum: { value: ST ** 4 - 16 * ST ** 2 + 5 * ST, points: [[ST, ST]] },
  },
  saddle: {
    label: 'Saddle',
    formula: 'x² − y²',
    expression: 'x^2 - y^2',
    bounds: [
      [-2, 2],
      [-2, 2],
    ],
  },
  monkey_saddle: {
    label: 'Monkey saddle',
    formula: 'x³ − 3xy²',
    expression: 'x^3 - 3 x y^2',
    bounds: [
      [-2, 2],
      [-2, 2],
    ],
  },
  double_well: {
    label: 'Double well',
    formula: '(x² − 1)² + y²',
    expression: '(x^2 - 1)^2 + y^2',
    bounds: [
      [-2, 2],
      [-2, 2],
    ],
    globalMinimum: {
      value: 0,
      points: [
        [-1, 0],
        [1, 0],
      ],
    },
  },
  quadratic: {
    label: 'Quadratic (ill-conditioned)',
    formula: '(x² + 10 y²) / 2',
    expression: '(x^2 + 10 y^2) / 2',
    bounds: [
      [-3, 3],
      [-3, 3],
    ],
    globalMinimum: { value: 0, points: [[0, 0]] },
  },
  plateau: {
    label: 'Plateau',
    formula: '1 − exp(−(x² + y²))',
    expression: '1 - exp(-(x^2 + y^2))',
    bounds: [
      [-5, 5],
      [-5, 5],
    ],
    globalMinimum: { value: 0, points: [[0, 0]] },
  },
};

export function catalogEntry(name: CatalogName): CatalogEntry {
  const entry = ENTRIES[name];
  const [bx, by] = entry.bounds;
  // A copy, so a caller that edits its bounds cannot change the catalog.
  return { name, ...entry, bounds: [[...bx], [...by]] };
}

const compiled = new Map<CatalogName, Objective2D>();

export function catalogFunction(name: CatalogName): Objective2D {
  let objective = compiled.get(name);
  if (!objective) {
    objective = compileExpression(ENTRIES[name].expression);
    compiled.set(name, objective);
  }
  return objective;
}
