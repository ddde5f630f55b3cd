import { describe, expect, it } from 'vitest';
import { decodeMessage, encodeMessage } from '../../../shared/message-codec';
import { clientMessageSchema } from '../../../shared/protocol';

describe('message codec', () => {
  it('round-trips nested Float64Arrays and non-ASCII text exactly', () => {
    const message = {
      type: 'frames',
      runId: 'r1',
      note: 'α–β ✓ "quoted"',
      loss: Float64Array.from([1.5, -0, Number.MIN_VALUE, 1e308, Math.PI]),
      nested: { points: Float64Array.from([1, 2, 3]) },
      empty: new Float64Array(0),
    };
    const decoded = decodeMessage(encodeMessage(message)) as typeof message;
    expect(decoded.note).toBe(message.note);
    expect(Array.from(decoded.loss)).toEqual(Array.from(message.loss));
    expect(Object.is(decoded.loss[1], -0)).toBe(true);
    expect(decoded.loss).toBeInstanceOf(Float64Array);
    expect(Array.from(decoded.nested.points)).toEqual([1, 2, 3]);
    expect(decoded.empty).toHaveLength(0);
  });

  it('carries a slice-plane request’s checkpoints, objects in a list, as binary arrays the protocol accepts', () => {
    const checkpoints = { params: Float64Array.from({ length: 18 }, (_, i) => i / 7), steps: Float64Array.of(0, 10) };
    const mlp = { dataset: { name: 'moons' }, hidden: [2], activation: 'tanh', loss: 'bce' };
    const request = {
      type: 'slice-plane',
      requestId: 'p',
      problem: { mlp },
      landscape: {},
      runs: [{ name: 'a', checkpoints }],
    };
    const buffer = encodeMessage(request);
    // The header refers to the arrays, whose values follow it as bytes.
    expect(new TextDecoder().decode(buffer)).toContain(
      '"checkpoints":{"params":{"$f64":[0,18]},"steps":{"$f64":[144,2]}}',
    );
    const parsed = clientMessageSchema.parse(decodeMessage(buffer));
    const decoded = parsed.type === 'slice-plane' ? parsed.runs[0]!.checkpoints : undefined;
    expect(decoded?.params).toBeInstanceOf(Float64Array);
    expect(Array.from(decoded!.params)).toEqual(Array.from(checkpoints.params));
    expect(Array.from(decoded!.steps)).toEqual([0, 10]);
  });

  it('rejects truncated and forged buffers with an error instead of reading out of bounds', () => {
    const buffer = encodeMessage({ a: Float64Array.from([1, 2, 3]) });
    expect(() => decodeMessage(buffer.slice(0, buffer.byteLength - 8))).toThrow(/overruns/);
    expect(() => decodeMessage(new ArrayBuffer(2))).toThrow(/too short/);
    const forged = new ArrayBuffer(4);
    new DataView(forged).setUint32(0, 1000, true);
    expect(() => decodeMessage(forged)).toThrow(/header overruns/);
  });
});
