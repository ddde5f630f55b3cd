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
 * validated here too, so the store only ever sees well-formed data.
 */
export function connectBridge(): Bridge {
  const raw = window.gradscape ?? createSocketBridge(window.location.href);
  return {
    kind: raw.kind,
    send: (message) => raw.send(message),
    subscribe(listener: (message: HostMessage) => void) {
      return raw.subscribe((message) => {
        const parsed = hostMessageSchema.safeParse(message);
        listener(
          parsed.success
            ? parsed.data
            : { type: 'error', message: `ignored an invalid message from the host: ${describeIssue(parsed.error)}` },
        );
      });
    },
  };
}
