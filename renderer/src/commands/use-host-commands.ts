import { useEffect } from 'react';
import type { Bridge } from '../../../shared/protocol';
import { runCommand } from './command-registry';

/** The desktop menu's commands come from the host as `command` messages; the store takes every other message. */
export function useHostCommands(bridge: Bridge): void {
  useEffect(
    () =>
      bridge.subscribe((message) => {
        if (message.type === 'command') runCommand(message.command);
      }),
    [bridge],
  );
}
