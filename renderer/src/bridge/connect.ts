import { describeIssue } from '../../../shared/describe-issue';
import { hostMessageSchema, type Bridge, type HostMessage } from '../../../shared/protocol';
import { createSocketBridge } from './socket-bridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in browser mode. */
    gradscape?: Bridge;
  }
}

/**
 * The preload's bridge in Electron, the WebSocket otherwise. Every message from the host is
 * validated here, once however many listen (the store, and App for the menu's commands), so they
 * only ever see well-formed data.
 */
export function connectBridge(): Bridge {
  const raw = window.gradscape ?? createSocketBridge(window.location.href);
  const listeners = new Set<(message: HostMessage) => void>();
  raw.subscribe((message) => {
    const parsed = hostMessageSchema.safeParse(message);
    const checked: HostMessage = parsed.success
      ? parsed.data
      : { type: 'error', message: `ignored an invalid message from the host: ${describeIssue(parsed.error)}` };
    for (const listener of listeners) listener(checked);
  });
  return {
    kind: raw.kind,
    send: (message) => raw.send(message),
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
