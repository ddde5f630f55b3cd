/**
 * Whether a request's Host header names this server as a loopback client reaches it:
 * 127.0.0.1, [::1] or localhost, with the server's port. A page on another name that resolves
 * to 127.0.0.1 (DNS rebinding) sends its own name, so it is refused even with the token.
 */
export function isLoopbackHost(host: string | undefined, port: number): boolean {
  if (host === undefined) return false;
  const name = host.toLowerCase();
  return name === `127.0.0.1:${port}` || name === `localhost:${port}` || name === `[::1]:${port}`;
}
