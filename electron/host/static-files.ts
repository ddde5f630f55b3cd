import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

/**
 * Reads the built renderer's file for a URL path, or null. Paths that would leave `root`
 * (.., encoded separators, NUL) are refused; "/" is index.html. Used by both the Electron
 * protocol handler and `gradscape serve`.
 */
export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = normalize(decoded === '/' || decoded === '' ? '/index.html' : decoded).replace(/^[/\\]+/, '');
  if (relative.split(/[/\\]/).includes('..')) return null;
  const filePath = join(root, relative);
  if (!filePath.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    const body = await readFile(filePath);
    return { body, contentType: CONTENT_TYPES[extname(filePath)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
