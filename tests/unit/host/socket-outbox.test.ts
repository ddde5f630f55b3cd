import { describe, expect, it } from 'vitest';
import { mergeFrames, SocketOutbox, type OutboxSocket } from '../../../electron/host/socket-outbox';
import { decodeMessage } from '../../../shared/message-codec';
import type { FramesMessage, HostMessage } from '../../../shared/protocol';

const LIMITS = { highWaterBytes: 1000, maxWaitingBytes: 5000 };

/** A socket whose unsent bytes stay until the test writes them out, as a client that stops reading leaves them. */
function stalledSocket() {
  const sent: HostMessage[] = [];
  const callbacks: ((error?: Error) => void)[] = [];
  const socket: { -readonly [K in keyof OutboxSocket]: OutboxSocket[K] } & { writeOut(): void } = {
    bufferedAmount: 0,
    send(data, callback) {
      sent.push(decodeMessage(data) as HostMessage);
      this.bufferedAmount += data.byteLength;
      callbacks.push(callback);
    },
    /** The client reads everything: each write completes, which lets the outbox send more. */
    writeOut() {
      while (callbacks.length) {
        this.bufferedAmount = 0;
        callbacks.shift()!();
      }
    },
  };
  return { socket, sent };
}

const frames = (runId: string, fromStep: number, count: number, extra: Partial<FramesMessage> = {}): FramesMessage => ({
  type: 'frames',
  runId,
  fromStep,
  points: Float64Array.from({ length: 2 * count }, (_, i) => fromStep * 2 + i),
  loss: Float64Array.from({ length: count }, (_, i) => fromStep + i),
  gradNorm: new Float64Array(count),
  lr: new Float64Array(count).fill(0.1),
  events: [],
  ...extra,
});
const status = (runId: string, value: 'running' | 'completed'): HostMessage => ({
  type: 'status',
  runId,
  status: value,
});

describe('SocketOutbox', () => {
  it('sends straight out while the socket has room', () => {
    const { socket, sent } = stalledSocket();
    const outbox = new SocketOutbox(socket, () => {}, LIMITS);
    outbox.push(status('a', 'running'));
    outbox.push(frames('a', 0, 5));
    expect(sent.map((m) => m.type)).toEqual(['status', 'frames']);
    expect(outbox.stats).toMatchObject({ waitingFramesBytes: 0, waitingBytes: 0 });
  });

  it('holds back a stalled client’s messages beyond one over the mark, keeps each run’s frames as its series, and delivers all in order once it reads', () => {
    const { socket, sent } = stalledSocket();
    const outbox = new SocketOutbox(socket, () => {}, LIMITS);
    // 100 steps of 5 numbers: 4000 B, over the 1000 B mark at once.
    outbox.push(frames('a', 0, 100));
    for (let step = 100; step < 10_000; step += 100) {
      outbox.push(frames('a', step, 100));
      outbox.push(frames('b', step - 100, 100));
    }
    outbox.push(status('b', 'completed'));
    outbox.push(frames('a', 10_000, 1));
    outbox.push(status('a', 'completed'));
    expect(sent).toHaveLength(1);
    expect(socket.bufferedAmount).toBeLessThanOrEqual(LIMITS.highWaterBytes + 5000);
    // Everything after the first message waits: a's 9,901 steps and b's 9,900, 40 B each.
    expect(outbox.stats.waitingFramesBytes).toBe((9901 + 9900) * 40);

    socket.writeOut();
    for (const [runId, steps] of [
      ['a', 10_001],
      ['b', 9_900],
    ] as const) {
      const messages = sent.filter((m) => 'runId' in m && m.runId === runId);
      let next = 0;
      for (const m of messages.filter((m): m is FramesMessage => m.type === 'frames')) {
        expect(m.fromStep).toBe(next);
        expect(Array.from(m.loss)).toEqual(Array.from({ length: m.loss.length }, (_, i) => next + i));
        next += m.loss.length;
      }
      expect(next).toBe(steps);
      expect(messages.at(-1)).toEqual(status(runId, 'completed'));
    }
    // Merged: far fewer messages than the 200 pushed.
    expect(sent.length).toBeLessThan(20);
    expect(outbox.stats).toMatchObject({ waitingFramesBytes: 0, waitingBytes: 0 });
  });

  it('does not let later frames overtake a message of the same run', () => {
    const { socket, sent } = stalledSocket();
    const outbox = new SocketOutbox(socket, () => {}, LIMITS);
    outbox.push(frames('a', 0, 100));
    outbox.push(frames('a', 100, 10));
    outbox.push({ type: 'status', runId: 'a', status: 'paused' });
    outbox.push(frames('a', 110, 10));
    socket.writeOut();
    expect(
      sent.map((m) =>
        m.type === 'frames' ? `frames ${m.fromStep}+${m.loss.length}` : m.type === 'status' ? m.status : m.type,
      ),
    ).toEqual(['frames 0+100', 'frames 100+10', 'paused', 'frames 110+10']);
  });

  it('keeps only a run’s newest waiting prediction', () => {
    const { socket, sent } = stalledSocket();
    const outbox = new SocketOutbox(socket, () => {}, LIMITS);
    outbox.push(frames('a', 0, 100));
    const prediction = (step: number): HostMessage => ({
      type: 'prediction',
      runId: 'a',
      step,
      x: new Float64Array(3),
      outputs: 1,
      values: new Float64Array(3),
    });
    for (const step of [10, 20, 30]) outbox.push(prediction(step));
    socket.writeOut();
    expect(sent.filter((m) => m.type === 'prediction').map((m) => m.type === 'prediction' && m.step)).toEqual([30]);
  });

  it('cuts off a client that leaves more than the limit of other messages unread, and lets them go', () => {
    const { socket, sent } = stalledSocket();
    const reasons: string[] = [];
    const outbox = new SocketOutbox(socket, (reason) => reasons.push(reason), LIMITS);
    outbox.push(frames('a', 0, 100));
    const surface = (requestId: string): HostMessage => ({
      type: 'surface',
      requestId,
      x: new Float64Array(10),
      y: new Float64Array(10),
      z: new Float64Array(100),
      criticalPoints: [],
    });
    for (let k = 0; k < 5 && !reasons.length; k++) outbox.push(surface(`s${k}`));
    expect(reasons).toEqual(['the client left more than 5000 bytes of messages unread']);
    expect(outbox.stats).toMatchObject({ waitingFramesBytes: 0, waitingBytes: 0 });
    outbox.push(surface('late'));
    socket.writeOut();
    expect(sent).toHaveLength(1);
  });
});

describe('mergeFrames', () => {
  it('concatenates consecutive frames of a run, optional series included', () => {
    const layers = (from: number, count: number) => Float64Array.from({ length: 2 * count }, (_, i) => from + i);
    const parts = [
      frames('n', 0, 2, { points: undefined, testLoss: Float64Array.of(1, 2), layerGradNorms: layers(0, 2) }),
      frames('n', 2, 1, {
        points: undefined,
        testLoss: Float64Array.of(3),
        layerGradNorms: layers(4, 1),
        events: [{ type: 'diverged', step: 2, message: 'diverged' }],
      }),
    ];
    const merged = mergeFrames(parts);
    expect(merged).toMatchObject({ runId: 'n', fromStep: 0, events: [{ type: 'diverged', step: 2 }] });
    expect(Array.from(merged.loss)).toEqual([0, 1, 2]);
    expect(Array.from(merged.testLoss!)).toEqual([1, 2, 3]);
    expect(Array.from(merged.layerGradNorms!)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(merged.points).toBeUndefined();
  });

  it('keeps the checkpoints the parts carry, in order, so a training run’s path on a slice misses none', () => {
    const taken = (steps: number[]) => ({
      steps: Float64Array.from(steps),
      params: Float64Array.from(steps.flatMap((step) => [step, step + 0.5])),
    });
    const parts = [
      frames('n', 0, 2, { checkpoints: taken([0]) }),
      frames('n', 2, 2),
      frames('n', 4, 2, { checkpoints: taken([4, 5]) }),
    ];
    const { checkpoints } = mergeFrames(parts);
    expect(Array.from(checkpoints!.steps)).toEqual([0, 4, 5]);
    expect(Array.from(checkpoints!.params)).toEqual([0, 0.5, 4, 4.5, 5, 5.5]);
    expect(mergeFrames([frames('n', 0, 2), frames('n', 2, 2)]).checkpoints).toBeUndefined();
  });
});
