import { connect } from 'node:net';

export interface RawResponse {
  status: number;
  body: string;
}

/**
 * Sends one HTTP/1.1 request byte for byte as given, with no client in between to normalise
 * its path or choose its Host header, and reads the answer. `headers` are sent as they are
 * (a Host among them or none), with "Connection: close" unless they name a Connection; a 101
 * answer ends the exchange once its head has arrived.
 */
export function rawRequest(port: number, requestLine: string, headers: Record<string, string>): Promise<RawResponse> {
  const connection = 'Connection' in headers ? [] : ['Connection: close'];
  const head = [
    requestLine,
    ...Object.entries(headers).map(([name, value]) => `${name}: ${value}`),
    ...connection,
    '',
    '',
  ].join('\r\n');
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port });
    const chunks: Buffer[] = [];
    const finish = (): void => {
      const text = Buffer.concat(chunks).toString('latin1');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      if (!status) return reject(new Error(`not an HTTP answer: ${JSON.stringify(text.slice(0, 80))}`));
      const split = text.indexOf('\r\n\r\n');
      resolve({ status, body: split < 0 ? '' : text.slice(split + 4) });
    };
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (/^HTTP\/1\.1 101 [^]*\r\n\r\n/.test(Buffer.concat(chunks).toString('latin1'))) {
        socket.destroy();
        finish();
      }
    });
    socket.once('end', finish);
    socket.once('error', reject);
    socket.write(head, 'latin1');
  });
}
