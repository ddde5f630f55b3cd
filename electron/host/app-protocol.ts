import { contentSecurityPolicy } from './content-security-policy';
import { readStaticFile } from './static-files';
import { APP_HOST, APP_SCHEME } from './window-security';

/**
 * Answers a request to the app:// protocol: the built renderer's files under app://gradscape/,
 * each with the UI's Content-Security-Policy; any other host, or a path that leaves the
 * renderer's folder, is 404.
 */
export async function answerAppRequest(requestUrl: string, rendererDir: string): Promise<Response> {
  const url = URL.canParse(requestUrl) ? new URL(requestUrl) : null;
  const file =
    url?.protocol === `${APP_SCHEME}:` && url.host === APP_HOST
      ? await readStaticFile(rendererDir, url.pathname)
      : null;
  if (!file) return new Response('not found', { status: 404 });
  return new Response(new Uint8Array(file.body), {
    headers: {
      'Content-Type': file.contentType,
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
    },
  });
}
