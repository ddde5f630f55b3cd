import { create, parseDependencies, type MathNode } from 'mathjs';
import type { Objective2D } from './objective';

/**
 * User expressions in x and y (mathjs syntax). mathjs only parses; the syntax tree is checked
 * against a whitelist and compiled into closures here, so nothing in the string ever executes.
 * Derivatives are exact: second-order forward mode (hyper-dual numbers) over a flat tape.
 */

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

/** Longer input is refused before parsing; the catalog's longest formula is ~180 characters. */
export const MAX_EXPRESSION_LENGTH = 1000;
/** Bracket depth; mathjs's recursive-descent parser overflows the stack a few hundred deep. */
export const MAX_NESTING_DEPTH = 32;

const UNARY_FUNCTIONS = ['sin', 'cos', 'tan', 'exp', 'log', 'sqrt', 'abs', 'tanh', 'sinh', 'cosh'] as const;
type UnaryFunction = (typeof UNARY_FUNCTIONS)[number];
const CONSTANTS = new Map([
  ['pi', Math.PI],
  ['e', Math.E],
]);
const BINARY_OPERATORS = new Map<string, 'add' | 'sub' | 'mul' | 'div' | 'pow'>([
  ['add', 'add'],
  ['subtract', 'sub'],
  ['multiply', 'mul'],
  ['divide', 'div'],
  ['pow', 'pow'],
]);
const NODE_KINDS: Record<string, string> = {
  AssignmentNode: 'assignment',
  FunctionAssignmentNode: 'a function definition',
  BlockNode: 'more than one statement',
  AccessorNode: 'indexing or property access',
  IndexNode: 'indexing',
  ArrayNode: 'a matrix',
  ObjectNode: 'an object',
  ConditionalNode: 'a conditional',
  RangeNode: 'a range',
  RelationalNode: 'a comparison',
};

/** The validated expression: a tree of arithmetic on x, y and numbers. */
type Expr =
  | { op: 'const'; value: number }
  | { op: 'x' }
  | { op: 'y' }
  | { op: 'add' | 'sub' | 'mul' | 'div' | 'pow'; a: Expr; b: Expr }
  | { op: 'neg'; a: Expr }
  | { op: UnaryFunction; a: Expr };

// The parser alone: no evaluate, no compile (and a smaller bundle than the full instance).
const math = create({ parseDependencies }, {});

export function compileExpression(source: string): Objective2D & { source: string } {
  const expr = parseExpression(source);
  const value = compileValue(expr);
  const derivatives = compileDerivatives(expr);
  return {
    source,
    value,
    gradient(x, y, out) {
      const t = derivatives(x, y);
      out[0] = t[1]!;
      out[1] = t[2]!;
    },
    hessian(x, y, out) {
      const t = derivatives(x, y);
      out[0] = t[3]!;
      out[1] = t[4]!;
      out[2] = t[5]!;
    },
  };
}

function parseExpression(source: string): Expr {
  if (source.length > MAX_EXPRESSION_LENGTH) {
    throw new ExpressionError(
      `Expression is too long: ${source.length} characters (the limit is ${MAX_EXPRESSION_LENGTH})`,
    );
  }
  if (source.trim() === '') throw new ExpressionError('Expression is empty');
  checkNesting(source);
  let root: MathNode;
  try {
    root = math.parse(source);
  } catch (error) {
    // mathjs's SyntaxError messages end with "(char N)", 1-based.
    throw new ExpressionError(error instanceof Error ? error.message : String(error));
  }
  return toExpr(root, source);
}

function checkNesting(source: string): void {
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    if (depth > MAX_NESTING_DEPTH) {
      throw new ExpressionError(`Expression is nested too deeply (char ${i + 1}): at most ${MAX_NESTING_DEPTH} levels of brackets`);
    }
  }
}

/** " (char N)" for the first whole-word occurrence of `token`, as mathjs words positions. */
function at(source: string, token: string): string {
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /^[\p{L}_$]/u.test(token) ? `(?<![\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])` : escaped;
  const index = source.search(new RegExp(word, 'u'));
  return index < 0 ? '' : ` (char ${index + 1})`;
}

const ALLOWED = `the variables x and y, the constants pi and e, and ${UNARY_FUNCTIONS.join(', ')}`;

function toExpr(node: MathNode, source: string): Expr {
  switch (node.type) {
    case 'ParenthesisNode':
      return toExpr((node as unknown as { content: MathNode }).content, source);
    case 'ConstantNode': {
      const value: unknown = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') throw new ExpressionError(`Only numbers are allowed, not ${JSON.stringify(value)}`);
      if (!Number.isFinite(value)) throw new ExpressionError(`A number is out of range${at(source, String(node))}`);
      return { op: 'const', value };
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (name === 'x' || name === 'y') return { op: name };
      const constant = CONSTANTS.get(name);
      if (constant !== undefined) return { op: 'const', value: constant };
      if (isUnaryFunction(name)) throw new ExpressionError(`${name}${at(source, name)} is a function: write ${name}(…)`);
      throw new ExpressionError(`Unknown name "${name}"${at(source, name)}: use ${ALLOWED}`);
    }
    case 'OperatorNode': {
      const { fn, op, args } = node as unknown as { fn: string; op: string; args: MathNode[] };
      const children = args.map((arg) => toExpr(arg, source));
      if (fn === 'unaryMinus' && children.length === 1) return fold({ op: 'neg', a: children[0]! });
      if (fn === 'unaryPlus' && children.length === 1) return children[0]!;
      const binary = BINARY_OPERATORS.get(fn);
      if (!binary || children.length < 2) throw new ExpressionError(`Operator "${op}"${at(source, op)} is not allowed`);
      // mathjs may give n-ary sums and products; ^ never has more than two operands.
      return children.slice(1).reduce((a, b) => fold({ op: binary, a, b }), children[0]!);
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : undefined;
      if (name === undefined) throw new ExpressionError('Only named functions can be called');
      if (!isUnaryFunction(name)) {
        if (name === 'x' || name === 'y') {
          throw new ExpressionError(`${name}${at(source, name)} is a variable, not a function: write ${name} * (…) to multiply`);
        }
        throw new ExpressionError(`Unknown function "${name}"${at(source, name)}: use ${ALLOWED}`);
      }
      if (args.length !== 1) throw new ExpressionError(`${name}${at(source, name)} takes exactly one argument`);
      return fold({ op: name, a: toExpr(args[0]!, source) });
    }
    default: {
      const kind = NODE_KINDS[node.type] ?? node.type;
      throw new ExpressionError(`${capitalize(kind)} is not allowed: write one expression in x and y`);
    }
  }
}

function isUnaryFunction(name: string): name is UnaryFunction {
  return (UNARY_FUNCTIONS as readonly string[]).includes(name);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Folds operations on constants, so 2 pi x costs one multiplication per evaluation. */
function fold(expr: Expr): Expr {
  if ('b' in expr ? expr.a.op === 'const' && expr.b.op === 'const' : 'a' in expr && expr.a.op === 'const') {
    return { op: 'const', value: compileValue(expr)(0, 0) };
  }
  return expr;
}

type Value = (x: number, y: number) => number;

const UNARY_VALUE: Record<UnaryFunction, (u: number) => number> = {
  sin: Math.sin,
  cos: Math.cos,
  tan: Math.tan,
  exp: Math.exp,
  log: Math.log,
  sqrt: Math.sqrt,
  abs: Math.abs,
  tanh: Math.tanh,
  sinh: Math.sinh,
  cosh: Math.cosh,
};

function compileValue(expr: Expr): Value {
  switch (expr.op) {
    case 'const': {
      const c = expr.value;
      return () => c;
    }
    case 'x':
      return (x) => x;
    case 'y':
      return (_x, y) => y;
    case 'neg': {
      const a = compileValue(expr.a);
      return (x, y) => -a(x, y);
    }
    case 'add': {
      const [a, b] = [compileValue(expr.a), compileValue(expr.b)];
      return (x, y) => a(x, y) + b(x, y);
    }
    case 'sub': {
      const [a, b] = [compileValue(expr.a), compileValue(expr.b)];
      return (x, y) => a(x, y) - b(x, y);
    }
    case 'mul': {
      const [a, b] = [compileValue(expr.a), compileValue(expr.b)];
      return (x, y) => a(x, y) * b(x, y);
    }
    case 'div': {
      const [a, b] = [compileValue(expr.a), compileValue(expr.b)];
      return (x, y) => a(x, y) / b(x, y);
    }
    case 'pow': {
      const a = compileValue(expr.a);
      if (expr.b.op === 'const') {
        const n = expr.b.value;
        if (n === 2) {
          return (x, y) => {
            const u = a(x, y);
            return u * u;
          };
        }
        return (x, y) => Math.pow(a(x, y), n);
      }
      const b = compileValue(expr.b);
      return (x, y) => Math.pow(a(x, y), b(x, y));
    }
    default: {
      const [f, a] = [UNARY_VALUE[expr.op], compileValue(expr.a)];
      return (x, y) => f(a(x, y));
    }
  }
}

/**
 * Each tape slot holds a hyper-dual number: value, d/dx, d/dy, d²/dx², d²/dxdy, d²/dy².
 * Instructions run in post-order, so children are ready before their parent; x and y are
 * slots 0 and 1, the root is the last slot.
 */
const W = 6;

/** a·b where b = 0 gives 0 even if a is infinite: sqrt(r²) at r = 0 has gradient 0, not NaN. */
function times(a: number, b: number): number {
  return b === 0 ? 0 : a * b;
}

/** Writes f(u) into slot o given f(u), f'(u), f''(u) (the chain rule to second order). */
function chain(t: Float64Array, o: number, u: number, f0: number, f1: number, f2: number): void {
  const ux = t[u + 1]!;
  const uy = t[u + 2]!;
  t[o] = f0;
  t[o + 1] = times(f1, ux);
  t[o + 2] = times(f1, uy);
  t[o + 3] = times(f1, t[u + 3]!) + times(f2, ux * ux);
  t[o + 4] = times(f1, t[u + 4]!) + times(f2, ux * uy);
  t[o + 5] = times(f1, t[u + 5]!) + times(f2, uy * uy);
}

/** Unary functions as u ↦ (f, f', f'') written through `chain`. */
const UNARY_RULES: Record<UnaryFunction, (t: Float64Array, o: number, u: number, v: number) => void> = {
  sin: (t, o, u, v) => {
    const s = Math.sin(v);
    chain(t, o, u, s, Math.cos(v), -s);
  },
  cos: (t, o, u, v) => {
    const c = Math.cos(v);
    chain(t, o, u, c, -Math.sin(v), -c);
  },
  tan: (t, o, u, v) => {
    const tv = Math.tan(v);
    const sec2 = 1 + tv * tv;
    chain(t, o, u, tv, sec2, 2 * tv * sec2);
  },
  exp: (t, o, u, v) => {
    const e = Math.exp(v);
    chain(t, o, u, e, e, e);
  },
  log: (t, o, u, v) => chain(t, o, u, Math.log(v), 1 / v, -1 / (v * v)),
  sqrt: (t, o, u, v) => {
    const s = Math.sqrt(v);
    chain(t, o, u, s, 0.5 / s, -0.25 / (s * v));
  },
  abs: (t, o, u, v) => chain(t, o, u, Math.abs(v), Math.sign(v), 0),
  tanh: (t, o, u, v) => {
    const th = Math.tanh(v);
    const d = 1 - th * th;
    chain(t, o, u, th, d, -2 * th * d);
  },
  sinh: (t, o, u, v) => {
    const s = Math.sinh(v);
    chain(t, o, u, s, Math.cosh(v), s);
  },
  cosh: (t, o, u, v) => {
    const c = Math.cosh(v);
    chain(t, o, u, c, Math.sinh(v), c);
  },
};

function compileDerivatives(expr: Expr): (x: number, y: number) => Float64Array {
  // Instructions are built as factories and bound to the tape once its size is known.
  const program: ((t: Float64Array) => () => void)[] = [];
  const constants: [number, number][] = [];
  let slots = 2;

  const emit = (node: Expr): number => {
    if (node.op === 'x') return 0;
    if (node.op === 'y') return W;
    const o = W * slots++;
    if (node.op === 'const') {
      constants.push([o, node.value]);
      return o;
    }
    const a = emit(node.a);
    if (node.op === 'neg') {
      program.push((t) => () => {
        for (let k = 0; k < W; k++) t[o + k] = -t[a + k]!;
      });
    } else if (!('b' in node)) {
      const rule = UNARY_RULES[node.op];
      program.push((t) => () => rule(t, o, a, t[a]!));
    } else if (node.op === 'pow' && node.b.op === 'const') {
      const n = node.b.value;
      program.push((t) => () => power(t, o, a, n));
    } else {
      const b = emit(node.b);
      const rule = BINARY_RULES[node.op];
      program.push((t) => () => rule(t, o, a, b));
    }
    return o;
  };

  const root = emit(expr);
  const t = new Float64Array(W * slots);
  t[1] = 1; // dx/dx
  t[W + 2] = 1; // dy/dy
  for (const [o, value] of constants) t[o] = value;
  const instructions = program.map((make) => make(t));
  const n = instructions.length;
  const out = t.subarray(root, root + W);
  // gradient(p) then hessian(p), the usual pair at a point, costs one pass.
  let lastX = NaN;
  let lastY = NaN;
  return (x, y) => {
    if (x === lastX && y === lastY) return out;
    t[0] = x;
    t[W] = y;
    for (let i = 0; i < n; i++) instructions[i]!();
    lastX = x;
    lastY = y;
    return out;
  };
}

/** u^n for a constant n: exact at n = 0, 1, 2 and at u = 0 where lower powers vanish. */
function power(t: Float64Array, o: number, a: number, n: number): void {
  const u = t[a]!;
  if (n === 2) return chain(t, o, a, u * u, 2 * u, 2);
  const c2 = n * (n - 1);
  const f1 = n === 0 ? 0 : n * Math.pow(u, n - 1);
  const f2 = c2 === 0 ? 0 : c2 * Math.pow(u, n - 2);
  chain(t, o, a, Math.pow(u, n), f1, f2);
}

type BinaryRule = (t: Float64Array, o: number, a: number, b: number) => void;

const BINARY_RULES: Record<'add' | 'sub' | 'mul' | 'div' | 'pow', BinaryRule> = {
  add: (t, o, a, b) => {
    for (let k = 0; k < W; k++) t[o + k] = t[a + k]! + t[b + k]!;
  },
  sub: (t, o, a, b) => {
    for (let k = 0; k < W; k++) t[o + k] = t[a + k]! - t[b + k]!;
  },
  mul: (t, o, a, b) => {
    const av = t[a]!, ax = t[a + 1]!, ay = t[a + 2]!;
    const bv = t[b]!, bx = t[b + 1]!, by = t[b + 2]!;
    t[o + 3] = t[a + 3]! * bv + 2 * ax * bx + av * t[b + 3]!;
    t[o + 4] = t[a + 4]! * bv + ax * by + ay * bx + av * t[b + 4]!;
    t[o + 5] = t[a + 5]! * bv + 2 * ay * by + av * t[b + 5]!;
    t[o] = av * bv;
    t[o + 1] = ax * bv + av * bx;
    t[o + 2] = ay * bv + av * by;
  },
  // q = a / b, differentiated from a = q·b.
  div: (t, o, a, b) => {
    const bx = t[b + 1]!, by = t[b + 2]!;
    const r = 1 / t[b]!;
    const q = t[a]! * r;
    const qx = (t[a + 1]! - q * bx) * r;
    const qy = (t[a + 2]! - q * by) * r;
    t[o + 3] = (t[a + 3]! - 2 * qx * bx - q * t[b + 3]!) * r;
    t[o + 4] = (t[a + 4]! - qx * by - qy * bx - q * t[b + 4]!) * r;
    t[o + 5] = (t[a + 5]! - 2 * qy * by - q * t[b + 5]!) * r;
    t[o] = q;
    t[o + 1] = qx;
    t[o + 2] = qy;
  },
  // a^b with both varying: partials of f(a, b) = a^b, then the two-variable chain rule.
  pow: (t, o, a, b) => {
    const av = t[a]!, ax = t[a + 1]!, ay = t[a + 2]!;
    const bv = t[b]!, bx = t[b + 1]!, by = t[b + 2]!;
    const f = Math.pow(av, bv);
    const lg = Math.log(av);
    const fa = bv * Math.pow(av, bv - 1);
    const fb = f * lg;
    const faa = bv * (bv - 1) * Math.pow(av, bv - 2);
    const fab = Math.pow(av, bv - 1) * (1 + bv * lg);
    const fbb = fb * lg;
    const second = (da: number, db: number, ea: number, eb: number, dda: number, ddb: number): number =>
      times(fa, dda) + times(fb, ddb) + times(faa, da * ea) + times(fab, da * eb + db * ea) + times(fbb, db * eb);
    t[o + 3] = second(ax, bx, ax, bx, t[a + 3]!, t[b + 3]!);
    t[o + 4] = second(ax, bx, ay, by, t[a + 4]!, t[b + 4]!);
    t[o + 5] = second(ay, by, ay, by, t[a + 5]!, t[b + 5]!);
    t[o] = f;
    t[o + 1] = times(fa, ax) + times(fb, bx);
    t[o + 2] = times(fa, ay) + times(fb, by);
  },
};
