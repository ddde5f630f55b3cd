import { encodeMessage } from '../../shared/message-codec';
import type { FramesMessage, HostMessage } from '../../shared/protocol';

/** The part of a `ws` WebSocket the outbox writes to. */
export interface OutboxSocket {
  /** Bytes handed to send and not yet written to the network. */
  readonly bufferedAmount: number;
  /** The callback comes once the message has been written out (or the socket failed). */
  send(data: ArrayBuffer, callback: (error?: Error) => void): void;
}

export interface OutboxLimits {
  /** The socket may hold this many unsent bytes; beyond, messages wait in the outbox. */
  highWaterBytes: number;
  /** Bytes of waiting messages other than frames; beyond, the client is cut off. */
  maxWaitingBytes: number;
}

/** docs/formats.md, "Server limits". */
export const OUTBOX_LIMITS: OutboxLimits = { highWaterBytes: 1 << 20, maxWaitingBytes: 64 << 20 };

/** A run's waiting frames are merged into messages of about this size, so none grows without bound. */
const MERGED_FRAMES_BYTES = 256 << 10;

export interface OutboxStats {
  /** Bytes the socket holds unsent now. */
  buffered: number;
  /** The most it held right after a send. */
  peakBuffered: number;
  /** Frames waiting here: the runs' own series the client has not read yet. */
  waitingFramesBytes: number;
  /** Every other message waiting here. */
  waitingBytes: number;
}

interface WaitingFrames {
  kind: 'frames';
  runId: string;
  parts: FramesMessage[];
  bytes: number;
}
interface WaitingEncoded {
  kind: 'encoded';
  data: ArrayBuffer;
  /** A prediction, of this run. */
  predictionOf?: string;
}
type Waiting = WaitingFrames | WaitingEncoded;

/**
 * Sends a client's messages over its WebSocket without letting a client that reads slowly, or
 * not at all, make the server buffer without bound. While the socket holds less than
 * `highWaterBytes` unsent, messages go straight out. Beyond, they wait here in order: a run's
 * frames are kept as its series (merged into a few large messages) and a run's newer prediction
 * replaces the one waiting, so what waits is the runs' own series plus at most
 * `maxWaitingBytes` of other messages; past that the client is cut off (and its runs cancelled).
 * Nothing is dropped otherwise: once the client reads again, every step and every final
 * status arrives, in order.
 */
export class SocketOutbox {
  private readonly waiting: Waiting[] = [];
  /** Per run, its frames entry that later frames may still join (nothing of that run queued after it). */
  private readonly openFrames = new Map<string, WaitingFrames>();
  /** Per run, its waiting prediction, which a newer one replaces. */
  private readonly openPredictions = new Map<string, WaitingEncoded>();
  private framesBytes = 0;
  private otherBytes = 0;
  private peakBuffered = 0;
  private closed = false;

  constructor(
    private readonly socket: OutboxSocket,
    private readonly overflow: (reason: string) => void,
    private readonly limits: OutboxLimits = OUTBOX_LIMITS,
  ) {}

  get stats(): OutboxStats {
    return {
      buffered: this.socket.bufferedAmount,
      peakBuffered: this.peakBuffered,
      waitingFramesBytes: this.framesBytes,
      waitingBytes: this.otherBytes,
    };
  }

  push(message: HostMessage): void {
    if (this.closed) return;
    if (!this.waiting.length && this.socket.bufferedAmount < this.limits.highWaterBytes) {
      this.write(encodeMessage(message));
      return;
    }
    if (message.type === 'frames') {
      this.waitFrames(message);
      return;
    }
    const runId = 'runId' in message ? message.runId : undefined;
    const data = encodeMessage(message);
    const waitingPrediction = message.type === 'prediction' ? this.openPredictions.get(message.runId) : undefined;
    if (waitingPrediction) {
      this.otherBytes += data.byteLength - waitingPrediction.data.byteLength;
      waitingPrediction.data = data;
    } else {
      const entry: WaitingEncoded = {
        kind: 'encoded',
        data,
        ...(message.type === 'prediction' ? { predictionOf: message.runId } : {}),
      };
      this.waiting.push(entry);
      this.otherBytes += data.byteLength;
      if (runId !== undefined) {
        // Frames that come later must not overtake this message.
        this.openFrames.delete(runId);
        if (message.type === 'prediction') this.openPredictions.set(runId, entry);
      }
    }
    if (this.otherBytes > this.limits.maxWaitingBytes) {
      this.close();
      this.overflow(`the client left more than ${this.limits.maxWaitingBytes} bytes of messages unread`);
    }
  }

  /** The socket is gone: nothing more is sent, and what waits is let go. */
  close(): void {
    this.closed = true;
    this.waiting.length = 0;
    this.openFrames.clear();
    this.openPredictions.clear();
    this.framesBytes = 0;
    this.otherBytes = 0;
  }

  private waitFrames(message: FramesMessage): void {
    const bytes = framesBytes(message);
    const open = this.openFrames.get(message.runId);
    if (open && open.bytes + bytes <= MERGED_FRAMES_BYTES) {
      open.parts.push(message);
      open.bytes += bytes;
    } else {
      const entry: WaitingFrames = { kind: 'frames', runId: message.runId, parts: [message], bytes };
      this.waiting.push(entry);
      this.openFrames.set(message.runId, entry);
    }
    this.framesBytes += bytes;
  }

  private write(data: ArrayBuffer): void {
    this.socket.send(data, (error) => {
      if (!error) this.flush();
    });
    this.peakBuffered = Math.max(this.peakBuffered, this.socket.bufferedAmount);
  }

  /** Sends what waits while the socket has room; called as each earlier message is written out. */
  private flush(): void {
    while (!this.closed && this.waiting.length && this.socket.bufferedAmount < this.limits.highWaterBytes) {
      const entry = this.waiting.shift()!;
      if (entry.kind === 'frames') {
        if (this.openFrames.get(entry.runId) === entry) this.openFrames.delete(entry.runId);
        this.framesBytes -= entry.bytes;
        this.write(encodeMessage(mergeFrames(entry.parts)));
      } else {
        if (entry.predictionOf !== undefined) this.openPredictions.delete(entry.predictionOf);
        this.otherBytes -= entry.data.byteLength;
        this.write(entry.data);
      }
    }
  }
}

function framesBytes(message: FramesMessage): number {
  const arrays = [
    message.points,
    message.loss,
    message.gradNorm,
    message.lr,
    message.testLoss,
    message.layerGradNorms,
    message.checkpoints?.steps,
    message.checkpoints?.params,
  ];
  return arrays.reduce((sum, array) => sum + (array?.byteLength ?? 0), 0);
}

function concat(arrays: readonly Float64Array[]): Float64Array {
  const result = new Float64Array(arrays.reduce((sum, array) => sum + array.length, 0));
  let offset = 0;
  for (const array of arrays) {
    result.set(array, offset);
    offset += array.length;
  }
  return result;
}

/**
 * One frames message for consecutive ones of a run: steps follow on, so each series is
 * concatenated, and so are the checkpoints the parts carry (some parts carry none).
 */
export function mergeFrames(parts: FramesMessage[]): FramesMessage {
  const [first] = parts;
  if (parts.length === 1) return first!;
  const joined = (pick: (part: FramesMessage) => Float64Array | undefined): Float64Array | undefined => {
    const arrays = parts.map(pick);
    return arrays.every((array) => array !== undefined) ? concat(arrays) : undefined;
  };
  const optional = {
    points: joined((part) => part.points),
    testLoss: joined((part) => part.testLoss),
    layerGradNorms: joined((part) => part.layerGradNorms),
  };
  const checkpoints = parts.flatMap((part) => (part.checkpoints ? [part.checkpoints] : []));
  return {
    type: 'frames',
    runId: first!.runId,
    fromStep: first!.fromStep,
    loss: joined((part) => part.loss)!,
    gradNorm: joined((part) => part.gradNorm)!,
    lr: joined((part) => part.lr)!,
    events: parts.flatMap((part) => part.events),
    ...Object.fromEntries(Object.entries(optional).filter(([, array]) => array !== undefined)),
    ...(checkpoints.length
      ? {
          checkpoints: {
            steps: concat(checkpoints.map((c) => c.steps)),
            params: concat(checkpoints.map((c) => c.params)),
          },
        }
      : {}),
  };
}
