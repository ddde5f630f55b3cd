/** The only IPC channels between the preload and the main process. */
export const IPC_CHANNELS = {
  /** renderer -> main: one ClientMessage */
  send: 'gradscape:send',
  /** main -> renderer: one HostMessage */
  message: 'gradscape:message',
} as const;
