import fc from 'fast-check';

/**
 * Every fuzz test draws from this seed, so a failure reproduces exactly; fast-check prints the
 * seed and the shrunk input. FUZZ_SEED explores other inputs, FUZZ_SCALE multiplies how many.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20_260_901);
const SCALE = Number(process.env.FUZZ_SCALE ?? 1);

const tried = new Map<string, number>();

/**
 * Checks `property` on `runs` inputs from the fixed seed, after `examples` (inputs that once
 * broke something, kept whatever the seed), and records how many inputs it tried.
 */
export async function fuzz<T>(
  target: string,
  property: fc.IProperty<T> | fc.IAsyncProperty<T>,
  runs: number,
  options: { examples?: T[]; inputsPerRun?: number } = {},
): Promise<void> {
  const { examples = [], inputsPerRun = 1 } = options;
  const numRuns = Math.max(1, Math.round(runs * SCALE));
  await fc.assert(property, { seed: SEED, numRuns, examples });
  tried.set(target, (tried.get(target) ?? 0) + (numRuns + examples.length) * inputsPerRun);
}

/** One line for the log: the inputs each target survived. */
export function triedSummary(): string {
  return [...tried].map(([target, count]) => `${target} ${count}`).join(', ');
}

/** A clear error: one line, not empty, no stack trace. */
export function isOneLine(message: string): boolean {
  return message.length > 0 && !/[\r\n\u2028\u2029]/.test(message) && !/\bat .+:\d+:\d+/.test(message);
}

/** Names the field: starts with its path (`runs[0].optimizer.lr: …`) or quotes the key (`Unrecognized key: "x"`). */
export function namesAField(message: string): boolean {
  return /^[^\s:[\].]+(\[\d+\]|\.[^\s:[\].]+)*: /.test(message) || /"[^"]*"/.test(message);
}

type Path = (string | number)[];
interface Mutation {
  at: number;
  op: 'replace' | 'delete' | 'add-key' | 'duplicate';
  key: string;
  value: unknown;
}

/** Values that break validators: wrong types, edge numbers, hostile strings. */
export const nastyConstants: unknown[] = [
  null,
  true,
  false,
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  2 ** 53,
  2 ** 31,
  '',
  ' ',
  '0',
  'NaN',
  '\n',
  '\u0000',
  '\u2028',
  'x'.repeat(2000),
  '__proto__',
  'constructor',
  [],
  {},
  [null],
  [[[]]],
  // An own "__proto__" key, as JSON.parse makes it: a validator that merges it pollutes Object.prototype.
  JSON.parse('{"__proto__": {"polluted": true}}'),
];
/** The constants, plus any number and short string: for validators, where a valid but huge input costs nothing. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...nastyConstants),
  fc.double(),
  fc.integer(),
  fc.string({ maxLength: 12, unit: 'binary' }),
);
const nastyKey = fc.oneof(
  fc.constantFrom('__proto__', 'constructor', 'prototype', 'x\ny', '', 'extra', '💥'),
  fc.string({ maxLength: 8, unit: 'binary' }),
);

/** Paths to every value in `value`, the root first; typed arrays are leaves. */
function pathsOf(value: unknown, prefix: Path = []): Path[] {
  const paths: Path[] = [prefix];
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return paths;
  for (const key of Object.keys(value)) {
    const child = (value as Record<string, unknown>)[key];
    paths.push(...pathsOf(child, [...prefix, Array.isArray(value) ? Number(key) : key]));
  }
  return paths;
}

function apply(root: unknown, { at, op, key, value: shared }: Mutation): unknown {
  // A copy: the constants are shared between inputs, and an input may hold one twice.
  const value = structuredClone(shared);
  const paths = pathsOf(root);
  const path = paths[at % paths.length]!;
  if (path.length === 0 && (op === 'replace' || op === 'delete')) return value;
  const parentPath = op === 'add-key' || op === 'duplicate' ? path : path.slice(0, -1);
  const parent = parentPath.reduce<unknown>((node, part) => (node as Record<string, unknown>)[part as string], root);
  if (parent === null || typeof parent !== 'object' || ArrayBuffer.isView(parent)) return root;
  const own = parent as Record<string | number, unknown>;
  const last = path.at(-1)!;
  switch (op) {
    case 'replace':
      Object.defineProperty(own, last, { value, enumerable: true, writable: true, configurable: true });
      break;
    case 'delete':
      if (Array.isArray(own)) own.splice(last as number, 1);
      else delete own[last];
      break;
    case 'add-key':
      // As JSON.parse makes it: an own property, even for "__proto__".
      if (!Array.isArray(own))
        Object.defineProperty(own, key, { value, enumerable: true, writable: true, configurable: true });
      else own.push(value);
      break;
    case 'duplicate':
      if (Array.isArray(own) && own.length) own.push(structuredClone(own[0]));
      break;
  }
  return root;
}

/** One to three mutations of a valid `base`: a value replaced, a key deleted or added, an element repeated. */
export function mutationsOf(base: unknown, values: fc.Arbitrary<unknown> = nastyValue): fc.Arbitrary<unknown> {
  const mutation = fc.record({
    at: fc.nat(),
    op: fc.constantFrom('replace' as const, 'delete' as const, 'add-key' as const, 'duplicate' as const),
    key: nastyKey,
    value: values,
  });
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((list) => list.reduce(apply, structuredClone(base)));
}
