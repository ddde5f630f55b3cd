import type { AppCommand } from '../../shared/app-commands';
import type { CommandMessage } from '../../shared/protocol';
import type { RunHost, HostConnection } from './run-host';
import { isAppUrl, isTrustedSender } from './window-security';

/** The part of Electron's WebContents the binding needs, so it can be tested without Electron. */
export interface WindowContents {
  send(channel: string, message: unknown): void;
  isDestroyed(): boolean;
  getURL(): string;
  /** With userGesture, the page counts as touched by the user, as a menu click is (a file picker needs that). */
  executeJavaScript(code: string, userGesture: boolean): Promise<unknown>;
  on(
    event: 'did-start-navigation',
    listener: (details: { isMainFrame: boolean; isSameDocument: boolean }) => void,
  ): void;
  on(event: 'render-process-gone' | 'destroyed', listener: () => void): void;
}

export interface WindowBinding {
  receive(raw: unknown, senderFrame: { url: string; parent: unknown } | null | undefined): void;
  /** A menu command for the window's UI, on the same channel as the host's messages. */
  command(command: AppCommand): void;
}

/**
 * Ties one window to the host: messages it sends become a host connection's messages, and a
 * reload, a crash or closing the window cancels every run the window started.
 */
export function bindWindow(
  contents: WindowContents,
  host: RunHost,
  channel: string,
  log: (message: string) => void,
): WindowBinding {
  let connection: HostConnection | undefined;
  const open = (): HostConnection =>
    host.connect((message) => {
      if (!contents.isDestroyed()) contents.send(channel, message);
    });
  const close = (): void => {
    connection?.close();
    connection = undefined;
  };
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) close();
  });
  contents.on('render-process-gone', close);
  contents.on('destroyed', close);
  return {
    receive(raw, senderFrame) {
      if (!isTrustedSender(senderFrame)) {
        log(`ignored IPC from an untrusted sender: ${senderFrame?.url ?? 'unknown'}`);
        return;
      }
      connection ??= open();
      connection.receive(raw);
    },
    command(command) {
      // Only the app's own page may be handed a user gesture and a command.
      if (contents.isDestroyed() || !isAppUrl(contents.getURL())) return;
      const message: CommandMessage = { type: 'command', command };
      // The command arrives as the user's own act, so it may open the native file picker.
      contents.executeJavaScript('0', true).then(
        () => {
          if (!contents.isDestroyed()) contents.send(channel, message);
        },
        (error: unknown) => log(`could not send the command ${command}: ${(error as Error).message}`),
      );
    },
  };
}
