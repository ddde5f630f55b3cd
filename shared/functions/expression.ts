import { create, parseDependencies, type MathNode } from 'mathjs/number';
import type { Objective2D } from './objective';

/**
 * User expressions in x and y (mathjs syntax). mathjs only parses; the syntax tree is checked
 * against a whitelist and compiled here into a flat program for a small register machine, so
 * nothing in the string ever executes. Derivatives are exact: second-order forward mode
 * (hyper-dual numbers). One switch-dispatched loop per evaluation keeps V8's call sites
 * monomorphic, which a tree of closures does not once several expressions are in use.
 */

export class ExpressionError extends Error {
  override name = 'ExpressionError';
}

/** Longer input is refused before parsing; the catalog's longest formula has 132 characters. */
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
/** Syntax mathjs accepts and we do not: what to call it, and the token that shows where. */
const REFUSED_NODES: Record<string, [string, string]> = {
  AssignmentNode: ['Assignment', '='],
  FunctionAssignmentNode: ['A function definition', '='],
  BlockNode: ['More than one statement', ';'],
  AccessorNode: ['Indexing or property access', '['],
  IndexNode: ['Indexing', '['],
  ArrayNode: ['A matrix', '['],
  ObjectNode: ['An object', '{'],
  ConditionalNode: ['A conditional', '?'],
  RangeNode: ['A range', ':'],
  RelationalNode: ['A comparison', '<'],
};

/** The validated expression: a tree of arithmetic on x, y and numbers. */
type Expr =
  | { op: 'const'; value: number }
  | { op: 'x' }
  | { op: 'y' }
  | { op: 'add' | 'sub' | 'mul' | 'div' | 'pow'; a: Expr; b: Expr }
  | { op: 'neg'; a: Expr }
  | { op: UnaryFunction; a: Expr };

// The number-only build's parser alone: no evaluate, no compile, and 150 kB minified in the
// renderer's bundle where the full instance's parse costs 670 kB.
const math = create({ parseDependencies }, {});

export function compileExpression(source: string): Objective2D & { source: string } {
  const program = toProgram(parseExpression(source));
  const registers = new Float64Array(program.size);
  const tape = new Float64Array(W * program.size);
  for (const [register, value] of program.constants) {
    registers[register] = value;
    tape[W * register] = value;
  }
  tape[1] = 1; // dx/dx
  tape[W + 2] = 1; // dy/dy
  const root = W * program.root;
  // gradient(p) then hessian(p), the usual pair at a point, costs one pass.
  let lastX = NaN;
  let lastY = NaN;
  const differentiate = (x: number, y: number): void => {
    if (x === lastX && y === lastY) return;
    runDerivatives(program.code, tape, x, y);
    lastX = x;
    lastY = y;
  };
  return {
    source,
    value(x, y) {
      runValues(program.code, registers, x, y);
      return registers[program.root]!;
    },
    gradient(x, y, out) {
      differentiate(x, y);
      out[0] = tape[root + 1]!;
      out[1] = tape[root + 2]!;
    },
    hessian(x, y, out) {
      differentiate(x, y);
      out[0] = tape[root + 3]!;
      out[1] = tape[root + 4]!;
      out[2] = tape[root + 5]!;
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
      throw new ExpressionError(
        `Expression is nested too deeply (char ${i + 1}): at most ${MAX_NESTING_DEPTH} levels of brackets`,
      );
    }
  }
}

/**
 * " (char N)", 1-based as mathjs words it, for the first occurrence of `token` (as a whole
 * word if it is a name; followed by "(" if it is called); "" if it cannot be found.
 */
function at(source: string, token: string, called = false): string {
  if (token === '') return '';
  const escaped = token.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const word = /^[\p{L}_$]/u.test(token) ? `(?<![\\p{L}\\p{N}_$])${escaped}(?![\\p{L}\\p{N}_$])` : escaped;
  const index = source.search(new RegExp(called ? `${word}(?=\\s*\\()` : word, 'u'));
  return index < 0 ? '' : ` (char ${index + 1})`;
}

/** The first numeric literal that overflows to Infinity, to point at it. */
function overflowingLiteral(source: string): string {
  return source.match(/(\d+\.?\d*|\.\d+)(e[+-]?\d+)?/gi)?.find((text) => !Number.isFinite(Number(text))) ?? '';
}

const ALLOWED = `the variables x and y, the constants pi and e, and ${UNARY_FUNCTIONS.join(', ')}`;

function toExpr(node: MathNode, source: string): Expr {
  switch (node.type) {
    case 'ParenthesisNode':
      return toExpr((node as unknown as { content: MathNode }).content, source);
    case 'ConstantNode': {
      const value: unknown = (node as unknown as { value: unknown }).value;
      if (typeof value !== 'number') {
        const text = JSON.stringify(value) ?? String(value);
        throw new ExpressionError(`Only numbers are allowed, not ${text}${at(source, text)}`);
      }
      if (!Number.isFinite(value)) {
        const literal = overflowingLiteral(source);
        throw new ExpressionError(
          literal
            ? `A number is too large${at(source, literal)}: the limit is about 1.8e308`
            : `${value}${at(source, String(value))} is not allowed: use finite numbers`,
        );
      }
      return { op: 'const', value };
    }
    case 'SymbolNode': {
      const name = (node as unknown as { name: string }).name;
      if (name === 'x' || name === 'y') return { op: name };
      const constant = CONSTANTS.get(name);
      if (constant !== undefined) return { op: 'const', value: constant };
      if (isUnaryFunction(name))
        throw new ExpressionError(`${name}${at(source, name)} is a function: write ${name}(…)`);
      throw new ExpressionError(`Unknown name "${name}"${at(source, name)}: use ${ALLOWED}`);
    }
    case 'OperatorNode': {
      const { fn, op, args } = node as unknown as { fn: string; op: string; args: MathNode[] };
      const unary = args.length === 1 && (fn === 'unaryMinus' || fn === 'unaryPlus');
      const binary = BINARY_OPERATORS.get(fn);
      if (!unary && (!binary || args.length < 2)) {
        throw new ExpressionError(`Operator "${op}"${at(source, op)} is not allowed`);
      }
      const children = args.map((arg) => toExpr(arg, source));
      if (fn === 'unaryMinus') return fold({ op: 'neg', a: children[0]! });
      if (fn === 'unaryPlus') return children[0]!;
      // mathjs may give n-ary sums and products; ^ never has more than two operands.
      return children.slice(1).reduce((a, b) => fold({ op: binary!, a, b }), children[0]!);
    }
    case 'FunctionNode': {
      const { fn, args } = node as unknown as { fn: MathNode; args: MathNode[] };
      const name = fn.type === 'SymbolNode' ? (fn as unknown as { name: string }).name : undefined;
      if (name === undefined) throw new ExpressionError('Only named functions can be called');
      if (!isUnaryFunction(name)) {
        if (name === 'x' || name === 'y') {
          throw new ExpressionError(
            `${name}${at(source, name, true)} is a variable, not a function: write ${name} * (…) to multiply`,
          );
        }
        throw new ExpressionError(`Unknown function "${name}"${at(source, name, true)}: use ${ALLOWED}`);
      }
      if (args.length !== 1) throw new ExpressionError(`${name}${at(source, name, true)} takes exactly one argument`);
      return fold({ op: name, a: toExpr(args[0]!, source) });
    }
    default: {
      const [kind, token] = REFUSED_NODES[node.type] ?? [node.type, ''];
      const where = token === '[' && !source.includes('[') ? at(source, '.') : at(source, token);
      throw new ExpressionError(`${kind}${where} is not allowed: write one expression in x and y`);
    }
  }
}

function isUnaryFunction(name: string): name is UnaryFunction {
  return (UNARY_FUNCTIONS as readonly string[]).includes(name);
}

/** Folds operations on constants, so 2 pi x costs one multiplication per evaluation. */
function fold(expr: Expr): Expr {
  if ('b' in expr) {
    return expr.a.op === 'const' && expr.b.op === 'const'
      ? { op: 'const', value: scalar(OPCODES[expr.op], expr.a.value, expr.b.value) }
      : expr;
  }
  return 'a' in expr && expr.a.op === 'const'
    ? { op: 'const', value: scalar(OPCODES[expr.op], expr.a.value, 0) }
    : expr;
}

// ---------------------------------------------------------------------------------------------
// The register machine. Instructions are [opcode, out, a, b]; registers 0 and 1 hold x and y,
// constants sit in registers of their own. "square" and "power" (a constant exponent, held
// in register b) are the common cases of ^ given their own exact rules.

// Literal opcodes, so each switch below compiles to a jump table.
const ADD = 0,
  SUB = 1,
  MUL = 2,
  DIV = 3,
  POW = 4,
  NEG = 5,
  SQUARE = 6,
  POWER = 7;
const SIN = 8,
  COS = 9,
  TAN = 10,
  EXP = 11,
  LOG = 12,
  SQRT = 13,
  ABS = 14,
  TANH = 15,
  SINH = 16,
  COSH = 17;
const OPCODES: Record<Exclude<Expr['op'], 'const' | 'x' | 'y'>, number> = {
  add: ADD,
  sub: SUB,
  mul: MUL,
  div: DIV,
  pow: POW,
  neg: NEG,
  sin: SIN,
  cos: COS,
  tan: TAN,
  exp: EXP,
  log: LOG,
  sqrt: SQRT,
  abs: ABS,
  tanh: TANH,
  sinh: SINH,
  cosh: COSH,
};

interface Program {
  code: Int32Array;
  size: number;
  constants: [number, number][];
  root: number;
}

function toProgram(expr: Expr): Program {
  const code: number[] = [];
  const constants: [number, number][] = [];
  let size = 2;
  const emit = (node: Expr): number => {
    if (node.op === 'x') return 0;
    if (node.op === 'y') return 1;
    const out = size++;
    if (node.op === 'const') {
      constants.push([out, node.value]);
      return out;
    }
    const a = emit(node.a);
    if (!('b' in node)) {
      code.push(OPCODES[node.op], out, a, 0);
    } else if (node.op === 'pow' && node.b.op === 'const') {
      const b = emit(node.b);
      code.push(node.b.value === 2 ? SQUARE : POWER, out, a, b);
    } else {
      code.push(OPCODES[node.op], out, a, emit(node.b));
    }
    return out;
  };
  const root = emit(expr);
  return { code: Int32Array.from(code), size, constants, root };
}

function scalar(op: number, a: number, b: number): number {
  switch (op) {
    case ADD:
      return a + b;
    case SUB:
      return a - b;
    case MUL:
      return a * b;
    case DIV:
      return a / b;
    case POW:
      return Math.pow(a, b);
    case POWER:
      return Number.isInteger(b) ? integerPower(a, b) : Math.pow(a, b);
    case NEG:
      return -a;
    case SQUARE:
      return a * a;
    case SIN:
      return Math.sin(a);
    case COS:
      return Math.cos(a);
    case TAN:
      return Math.tan(a);
    case EXP:
      return Math.exp(a);
    case LOG:
      return Math.log(a);
    case SQRT:
      return Math.sqrt(a);
    case ABS:
      return Math.abs(a);
    case TANH:
      return Math.tanh(a);
    case SINH:
      return Math.sinh(a);
    case COSH:
      return Math.cosh(a);
    default:
      throw new Error(`unknown opcode ${op}`);
  }
}

/** u^n for an integer n by repeated squaring: a few multiplications where Math.pow costs ~50 ns. */
function integerPower(u: number, n: number): number {
  if (n < 0) return 1 / integerPower(u, -n);
  if (n > 64) return Math.pow(u, n);
  let result = 1;
  let base = u;
  for (let k = n; k > 0; k >>= 1) {
    if (k & 1) result *= base;
    base *= base;
  }
  return result;
}

function runValues(code: Int32Array, r: Float64Array, x: number, y: number): void {
  r[0] = x;
  r[1] = y;
  for (let pc = 0; pc < code.length; pc += 4) {
    r[code[pc + 1]!] = scalar(code[pc]!, r[code[pc + 2]!]!, r[code[pc + 3]!]!);
  }
}

/**
 * Each tape register holds a hyper-dual number: value, d/dx, d/dy, d²/dx², d²/dxdy, d²/dy².
 */
const W = 6;

function runDerivatives(code: Int32Array, t: Float64Array, x: number, y: number): void {
  t[0] = x;
  t[W] = y;
  for (let pc = 0; pc < code.length; pc += 4) {
    const o = W * code[pc + 1]!;
    const a = W * code[pc + 2]!;
    const b = W * code[pc + 3]!;
    const u = t[a]!;
    switch (code[pc]) {
      // Linear: the value and every derivative combine component by component.
      case ADD:
        for (let k = 0; k < W; k++) t[o + k] = t[a + k]! + t[b + k]!;
        break;
      case SUB:
        for (let k = 0; k < W; k++) t[o + k] = t[a + k]! - t[b + k]!;
        break;
      case NEG:
        for (let k = 0; k < W; k++) t[o + k] = -t[a + k]!;
        break;
      case MUL:
        multiply(t, o, a, b);
        break;
      case DIV:
        divide(t, o, a, b);
        break;
      case POW:
        power(t, o, a, b);
        break;
      case SQUARE:
        chain(t, o, a, u * u, 2 * u, 2);
        break;
      case POWER: {
        // u^n: exact at n = 0 and 1 and at u = 0, where the lower powers' coefficients vanish.
        const n = t[b]!;
        if (n === 0 || n === 1) {
          chain(t, o, a, n === 0 ? 1 : u, n, 0);
        } else if (Number.isInteger(n)) {
          const p2 = integerPower(u, n - 2);
          chain(t, o, a, p2 * u * u, n * p2 * u, n * (n - 1) * p2);
        } else {
          chain(t, o, a, Math.pow(u, n), n * Math.pow(u, n - 1), n * (n - 1) * Math.pow(u, n - 2));
        }
        break;
      }
      case SIN: {
        const s = Math.sin(u);
        chain(t, o, a, s, Math.cos(u), -s);
        break;
      }
      case COS: {
        const c = Math.cos(u);
        chain(t, o, a, c, -Math.sin(u), -c);
        break;
      }
      case TAN: {
        const tv = Math.tan(u);
        const sec2 = 1 + tv * tv;
        chain(t, o, a, tv, sec2, 2 * tv * sec2);
        break;
      }
      case EXP: {
        const e = Math.exp(u);
        chain(t, o, a, e, e, e);
        break;
      }
      case LOG:
        chain(t, o, a, Math.log(u), 1 / u, -1 / (u * u));
        break;
      case SQRT: {
        const s = Math.sqrt(u);
        chain(t, o, a, s, 0.5 / s, -0.25 / (s * u));
        break;
      }
      case ABS:
        chain(t, o, a, Math.abs(u), Math.sign(u), 0);
        break;
      case TANH: {
        const th = Math.tanh(u);
        const d = 1 - th * th;
        chain(t, o, a, th, d, -2 * th * d);
        break;
      }
      case SINH: {
        const sh = Math.sinh(u);
        chain(t, o, a, sh, Math.cosh(u), sh);
        break;
      }
      case COSH: {
        const ch = Math.cosh(u);
        chain(t, o, a, ch, Math.sinh(u), ch);
        break;
      }
    }
  }
}

/** a·b where b = 0 gives 0 even if a is infinite: sqrt(r²) at r = 0 has gradient 0, not NaN. */
function times(a: number, b: number): number {
  return b === 0 ? 0 : a * b;
}

/** Writes f(u) into register o given f(u), f'(u), f''(u): the chain rule to second order. */
function chain(t: Float64Array, o: number, u: number, f0: number, f1: number, f2: number): void {
  const ux = t[u + 1]!;
  const uy = t[u + 2]!;
  t[o + 3] = times(f1, t[u + 3]!) + times(f2, ux * ux);
  t[o + 4] = times(f1, t[u + 4]!) + times(f2, ux * uy);
  t[o + 5] = times(f1, t[u + 5]!) + times(f2, uy * uy);
  t[o] = f0;
  t[o + 1] = times(f1, ux);
  t[o + 2] = times(f1, uy);
}

function multiply(t: Float64Array, o: number, a: number, b: number): void {
  const av = t[a]!,
    ax = t[a + 1]!,
    ay = t[a + 2]!;
  const bv = t[b]!,
    bx = t[b + 1]!,
    by = t[b + 2]!;
  t[o + 3] = t[a + 3]! * bv + 2 * ax * bx + av * t[b + 3]!;
  t[o + 4] = t[a + 4]! * bv + ax * by + ay * bx + av * t[b + 4]!;
  t[o + 5] = t[a + 5]! * bv + 2 * ay * by + av * t[b + 5]!;
  t[o] = av * bv;
  t[o + 1] = ax * bv + av * bx;
  t[o + 2] = ay * bv + av * by;
}

/** q = a / b, differentiated from a = q·b. */
function divide(t: Float64Array, o: number, a: number, b: number): void {
  const bx = t[b + 1]!,
    by = t[b + 2]!;
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
}

/** a^b with both varying: the partials of f(a, b) = a^b, then the two-variable chain rule. */
function power(t: Float64Array, o: number, a: number, b: number): void {
  const av = t[a]!,
    ax = t[a + 1]!,
    ay = t[a + 2]!;
  const bv = t[b]!,
    bx = t[b + 1]!,
    by = t[b + 2]!;
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
}
