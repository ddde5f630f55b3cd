import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CHANNELS } from '../shared/ipc-channels';
import type { Bridge, ClientMessage, HostMessage } from '../shared/protocol';

/** Named functions only: the page never sees ipcRenderer or the IPC event. */
const bridge: Bridge = {
  kind: 'electron',
  send: (message: ClientMessage) => ipcRenderer.send(IPC_CHANNELS.send, message),
  subscribe: (listener: (message: HostMessage) => void) => {
    const forward = (_event: IpcRendererEvent, message: HostMessage): void => listener(message);
    ipcRenderer.on(IPC_CHANNELS.message, forward);
    return () => {
      ipcRenderer.removeListener(IPC_CHANNELS.message, forward);
    };
  },
};
contextBridge.exposeInMainWorld('gradscape', bridge);
