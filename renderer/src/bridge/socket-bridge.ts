import { decodeMessage, encodeMessage } from '../../../shared/message-codec';
import type { Bridge, ClientMessage, HostMessage } from '../../../shared/protocol';

/**
 * Browser mode: the same Bridge over the WebSocket of `gradscape serve`, at <page URL>socket
 * (the page URL carries the token). Messages sent before the socket opens are queued.
 */
export function createSocketBridge(pageUrl: string): Bridge {
  const url = new URL('socket', pageUrl);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  const listeners = new Set<(message: HostMessage) => void>();
  const queue: ArrayBuffer[] = [];
  const deliver = (message: HostMessage): void => listeners.forEach((listener) => listener(message));
  socket.addEventListener('open', () => {
    for (const data of queue.splice(0)) socket.send(data);
  });
  socket.addEventListener('message', (event: MessageEvent<ArrayBuffer>) => {
    try {
      deliver(decodeMessage(event.data) as HostMessage);
    } catch (error) {
      deliver({ type: 'error', message: `unreadable message from the host: ${(error as Error).message}` });
    }
  });
  socket.addEventListener('close', () =>
    deliver({ type: 'error', message: 'lost the connection to the Gradscape server; reload when it is back' }),
  );
  return {
    kind: 'browser',
    send(message: ClientMessage) {
      const data = encodeMessage(message);
      if (socket.readyState === WebSocket.OPEN) socket.send(data);
      else queue.push(data);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
