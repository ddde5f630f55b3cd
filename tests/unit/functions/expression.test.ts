import { afterEach, describe, expect, it } from 'vitest';
import {
  compileExpression,
  ExpressionError,
  MAX_EXPRESSION_LENGTH,
  MAX_NESTING_DEPTH,
} from '../../../shared/functions/expression';

const canary = globalThis as { gradscapeCanary?: number };

function errorOf(source: string): ExpressionError {
  try {
    compileExpression(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ExpressionError);
    return error as ExpressionError;
  }
  throw new Error(`"${source.slice(0, 40)}" compiled`);
}

describe('compileExpression: what it accepts', () => {
  it.each([
    ['2x + 3y', 1, 2, 8],
    ['x y', 3, 2, 6],
    ['-x^2', 3, 0, -9],
    ['2^-1 + +x', 1, 0, 1.5],
    ['e^x', 1, 0, Math.E],
    ['sin(pi / 2) + cos(0) + tan(0)', 0, 0, 2],
    ['exp(0) + log(e) + sqrt(16) + abs(-3)', 0, 0, 9],
    ['tanh(0) + sinh(0) + cosh(0)', 0, 0, 1],
    ['(x + 1) (y - 1)', 1, 3, 4],
    ['0x10 + 1e-3', 0, 0, 16.001],
    ['x^y', 2, 3, 8],
  ])('%s at (%d, %d) is %d', (source, x, y, value) => {
    expect(compileExpression(source).value(x, y)).toBeCloseTo(value, 12);
  });

  it('keeps the source', () => {
    expect(compileExpression('x - y').source).toBe('x - y');
  });

  it('differentiates exactly, to second order', () => {
    const f = compileExpression('x^3 y - 2 x y^2 + sin(x y)');
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    const [x, y] = [0.7, -1.3];
    f.gradient(x, y, g);
    f.hessian(x, y, h);
    const c = Math.cos(x * y);
    const s = Math.sin(x * y);
    expect(g[0]).toBeCloseTo(3 * x * x * y - 2 * y * y + y * c, 13);
    expect(g[1]).toBeCloseTo(x ** 3 - 4 * x * y + x * c, 13);
    expect(h[0]).toBeCloseTo(6 * x * y - y * y * s, 13);
    expect(h[1]).toBeCloseTo(3 * x * x - 4 * y + c - x * y * s, 13);
    expect(h[2]).toBeCloseTo(-4 * x - x * x * s, 13);
  });

  it('gives zero, not NaN, where a kink has a zero inner derivative', () => {
    const g = new Float64Array(2);
    compileExpression('sqrt(x^2 + y^2)').gradient(0, 0, g);
    expect([...g]).toEqual([0, 0]);
    compileExpression('abs(x) + abs(y)').gradient(0, 0, g);
    expect([...g]).toEqual([0, 0]);
  });

  it('handles integer powers at zero exactly', () => {
    const h = new Float64Array(3);
    compileExpression('x^1 + y^0 + x^3').hessian(0, 0, h);
    expect([...h]).toEqual([0, 0, 0]);
  });

  it('gives a gradient and Hessian consistent at the same point in any call order', () => {
    const f = compileExpression('x^2 y');
    const g = new Float64Array(2);
    const h = new Float64Array(3);
    f.hessian(1, 2, h);
    f.gradient(3, 4, g);
    expect([...g]).toEqual([24, 9]);
    f.hessian(3, 4, h);
    expect([...h]).toEqual([8, 6, 0]);
  });
});

describe('compileExpression: what it refuses', () => {
  it.each([
    ['x^', /Unexpected end of expression \(char 3\)/],
    ['y +* 2', /Value expected \(char 4\)/],
    ["import('fs')", /Unknown function "import" \(char 1\)/],
    ['foo(x)', /Unknown function "foo" \(char 1\)/],
    ['x + evaluate("1")', /Unknown function "evaluate" \(char 5\)/],
    ['z + 1', /Unknown name "z" \(char 1\)/],
    ['2 * Infinity', /Infinity \(char 5\) is not allowed/],
    ['NaN', /NaN \(char 1\) is not allowed/],
    ['x = 3', /Assignment \(char 3\) is not allowed/],
    ['f(x) = x^2', /A function definition \(char 6\) is not allowed/],
    ['x; y', /More than one statement \(char 2\) is not allowed/],
    ['x.constructor', /Indexing or property access \(char 2\) is not allowed/],
    ['[x, y]', /A matrix \(char 1\) is not allowed/],
    ['{a: x}', /An object \(char 1\) is not allowed/],
    ['x > 0 ? x : y', /A conditional \(char 7\) is not allowed/],
    ['1:3', /A range \(char 2\) is not allowed/],
    ['x % 2', /Operator "%" \(char 3\) is not allowed/],
    ['x == y', /Operator "==" \(char 3\) is not allowed/],
    ['3!', /Operator "!" \(char 2\) is not allowed/],
    ['"abc"', /Only numbers are allowed, not "abc" \(char 1\)/],
    ['true', /Only numbers are allowed, not true \(char 1\)/],
    ['x + 1e400', /A number is too large \(char 5\)/],
    ['sin x', /sin \(char 1\) is a function/],
    ['2 + x(3)', /x \(char 5\) is a variable, not a function/],
    ['sin(x, y)', /sin \(char 1\) takes exactly one argument/],
    ['   ', /empty/],
  ])('%s', (source, message) => {
    expect(errorOf(source).message).toMatch(message);
  });

  it('refuses an over-long string before parsing, naming its length', () => {
    const source = 'x+'.repeat(50_000) + 'x';
    const started = performance.now();
    expect(errorOf(source).message).toMatch(
      `too long: ${source.length} characters (the limit is ${MAX_EXPRESSION_LENGTH})`,
    );
    expect(performance.now() - started).toBeLessThan(50);
  });

  it('refuses deep nesting before the parser can overflow its stack', () => {
    const depth = MAX_NESTING_DEPTH + 1;
    expect(errorOf('('.repeat(depth) + 'x' + ')'.repeat(depth)).message).toMatch(`nested too deeply (char ${depth})`);
    expect(compileExpression('('.repeat(MAX_NESTING_DEPTH) + 'x' + ')'.repeat(MAX_NESTING_DEPTH)).value(2, 0)).toBe(2);
  });

  it('accepts long chains within the length limit', () => {
    expect(compileExpression('-'.repeat(MAX_EXPRESSION_LENGTH - 2) + 'x').value(1, 0)).toBe(1);
    expect(compileExpression('x^'.repeat(MAX_EXPRESSION_LENGTH / 2 - 1) + 'x').value(1, 0)).toBe(1);
  });

  afterEach(() => {
    delete canary.gradscapeCanary;
  });

  it.each([
    'gradscapeCanary = 1',
    'evaluate("gradscapeCanary = 1")',
    'import({gradscapeCanary: 1}, {override: true})',
    'x.constructor.constructor("globalThis.gradscapeCanary = 1")()',
    'f(x) = gradscapeCanary',
    'createUnit("gradscapeCanary")',
  ])('never executes anything: %s', (source) => {
    canary.gradscapeCanary = 0;
    expect(() => compileExpression(source)).toThrow(ExpressionError);
    expect(canary.gradscapeCanary).toBe(0);
  });
});
