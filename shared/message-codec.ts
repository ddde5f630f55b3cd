/**
 * Binary framing for messages that carry Float64Arrays over a WebSocket, where structured
 * clone is not available: [u32 header bytes][ASCII JSON header][pad to 8][array bytes…].
 * Arrays in the header are replaced by { $f64: [byteOffset, length] }. The header is made pure
 * ASCII by escaping, so no text encoder is needed. Decoding returns unknown: validate it.
 */

interface ArrayRef {
  $f64: [number, number];
}

const toAscii = (json: string): string =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

export function encodeMessage(message: unknown): ArrayBuffer {
  const arrays: Float64Array[] = [];
  let bytes = 0;
  const header = toAscii(
    JSON.stringify(message, (_key, value: unknown) => {
      if (!(value instanceof Float64Array)) return value;
      const ref: ArrayRef = { $f64: [bytes, value.length] };
      arrays.push(value);
      bytes += value.byteLength;
      return ref;
    }),
  );
  const dataStart = Math.ceil((4 + header.length) / 8) * 8;
  const buffer = new ArrayBuffer(dataStart + bytes);
  const view = new DataView(buffer);
  view.setUint32(0, header.length, true);
  const headerBytes = new Uint8Array(buffer, 4, header.length);
  for (let i = 0; i < header.length; i++) headerBytes[i] = header.charCodeAt(i);
  let offset = dataStart;
  for (const array of arrays) {
    new Float64Array(buffer, offset, array.length).set(array);
    offset += array.byteLength;
  }
  return buffer;
}

const isArrayRef = (value: unknown): value is ArrayRef =>
  typeof value === 'object' &&
  value !== null &&
  Array.isArray((value as ArrayRef).$f64) &&
  Object.keys(value).length === 1;

export function decodeMessage(buffer: ArrayBuffer): unknown {
  if (buffer.byteLength < 4) throw new Error('message too short');
  const headerLength = new DataView(buffer).getUint32(0, true);
  if (4 + headerLength > buffer.byteLength) throw new Error('message header overruns the message');
  const headerBytes = new Uint8Array(buffer, 4, headerLength);
  let header = '';
  for (let i = 0; i < headerLength; i += 8192) {
    header += String.fromCharCode(...headerBytes.subarray(i, i + 8192));
  }
  const dataStart = Math.ceil((4 + headerLength) / 8) * 8;
  return JSON.parse(header, (_key, value: unknown) => {
    if (!isArrayRef(value)) return value;
    const [offset, length] = value.$f64;
    if (!Number.isInteger(offset) || !Number.isInteger(length) || offset < 0 || length < 0 || offset % 8 !== 0) {
      throw new Error('bad array reference');
    }
    if (dataStart + offset + length * 8 > buffer.byteLength) throw new Error('array reference overruns the message');
    return new Float64Array(buffer.slice(dataStart + offset, dataStart + offset + length * 8));
  }) as unknown;
}
