import type { RunHost } from '../../electron/host/run-host';
import { useAppStore } from '../../renderer/src/store/app-store';
import type { ClientMessage, HostMessage } from '../../shared/protocol';

/**
 * A host connection that records what it is sent and can wait for a message; `listen` hears each
 * message first, so a waiter resolves after it has taken the message.
 */
export function connectRecorder(host: RunHost, listen: (message: HostMessage) => void = () => {}) {
  const received: HostMessage[] = [];
  const waiters: { predicate: (m: HostMessage) => boolean; resolve: (m: HostMessage) => void }[] = [];
  const connection = host.connect((message) => {
    received.push(message);
    listen(message);
    for (const waiter of waiters.splice(0)) {
      if (waiter.predicate(message)) waiter.resolve(message);
      else waiters.push(waiter);
    }
  });
  return {
    received,
    send: (message: ClientMessage | Record<string, unknown>) => connection.receive(message),
    close: () => connection.close(),
    waitFor(predicate: (m: HostMessage) => boolean, timeoutMs = 20_000): Promise<HostMessage> {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('timed out waiting for a host message')), timeoutMs);
        waiters.push({
          predicate,
          resolve: (message) => {
            clearTimeout(timer);
            resolve(message);
          },
        });
      });
    },
    framesOf(runId: string) {
      return received.filter(
        (m): m is Extract<HostMessage, { type: 'frames' }> => m.type === 'frames' && m.runId === runId,
      );
    },
  };
}

export const statusIs = (runId: string, status: string) => (m: HostMessage) =>
  m.type === 'status' && m.runId === runId && m.status === status;

/** The app's store connected to the host as the app connects it, with what it sent recorded beside what it received. */
export function connectStore(host: RunHost) {
  const sent: ClientMessage[] = [];
  let listener: (message: HostMessage) => void = () => {};
  const client = connectRecorder(host, (message) => listener(message));
  useAppStore.getState().connect({
    kind: 'browser',
    send: (message) => {
      sent.push(message);
      client.send(message);
    },
    subscribe: (subscriber) => ((listener = subscriber), () => {}),
  });
  return { ...client, sent };
}
