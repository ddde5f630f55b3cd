import { useEffect, useRef } from 'react';
import type { AppCommand } from '../../../shared/app-commands';
import type { Bridge } from '../../../shared/protocol';

/**
 * The one place commands are carried out, whoever asks: the desktop menu (a `command` message
 * from the host) or a keyboard shortcut. Each command has one handler, registered by the part of
 * the UI that owns what it does.
 */
const handlers = new Map<AppCommand, () => void>();

export function registerCommand(command: AppCommand, handler: () => void): () => void {
  handlers.set(command, handler);
  return () => {
    if (handlers.get(command) === handler) handlers.delete(command);
  };
}

/** Carries out a command; false when nothing on screen handles it now (a 2D layout in the network view). */
export function runCommand(command: AppCommand): boolean {
  const handler = handlers.get(command);
  handler?.();
  return handler !== undefined;
}

/**
 * Carries out the desktop menu's commands, which come from the host as `command` messages (the
 * store takes every other message); returns the unsubscription.
 */
export function listenToHostCommands(bridge: Bridge): () => void {
  return bridge.subscribe((message) => {
    if (message.type === 'command') runCommand(message.command);
  });
}

/** Registers a component's handler while it is mounted; the latest render's handler runs. */
export function useCommand(command: AppCommand, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => registerCommand(command, () => latest.current()), [command]);
}
