import { describe, expect, it, vi } from 'vitest';
import type { Bridge, HostMessage } from '../../../shared/protocol';
import { listenToHostCommands, registerCommand } from '../../../renderer/src/commands/command-registry';
import { useAppStore } from '../../../renderer/src/store/app-store';

describe('the menu’s commands from the host', () => {
  it('reach the command registry, not the store, which takes every other message', () => {
    const listeners = new Set<(message: HostMessage) => void>();
    const bridge: Bridge = {
      kind: 'electron',
      send: () => {},
      subscribe: (listener) => (listeners.add(listener), () => listeners.delete(listener)),
    };
    const deliver = (message: HostMessage) => listeners.forEach((listener) => listener(message));
    const disconnect = useAppStore.getState().connect(bridge);
    const stop = listenToHostCommands(bridge);
    const save = vi.fn();
    registerCommand('save-session', save);
    const before = useAppStore.getState();

    deliver({ type: 'command', command: 'save-session' });
    expect(save).toHaveBeenCalledTimes(1);
    expect(useAppStore.getState()).toBe(before);

    deliver({ type: 'error', message: 'the host says no' });
    expect(useAppStore.getState().notice).toBe('the host says no');
    expect(save).toHaveBeenCalledTimes(1);

    stop();
    disconnect();
    expect(listeners.size).toBe(0);
  });
});
