/**
 * The one Content-Security-Policy of the UI, in Electron and in the browser: only our own
 * files, WebAssembly compilation (tfjs), and the host's socket in browser mode.
 */
export function contentSecurityPolicy(socketOrigin?: string): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${socketOrigin ? ` ${socketOrigin}` : ''}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}
