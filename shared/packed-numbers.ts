/**
 * Number arrays as short text for JSON files: `f64:` or `f32:` then the little-endian bytes in
 * base64. Float32 is chosen only when it holds every value exactly (a network's float32
 * parameters and outputs), so packing never changes a number; NaN and ±Infinity survive too.
 * Pure code: no Buffer or btoa, which shared/ cannot count on.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Map([...ALPHABET].map((char, index) => [char, index]));
const PACKED = /^(f32|f64):([A-Za-z0-9+/]*={0,2})$/;

export function packNumbers(values: ArrayLike<number>): string {
  let float32 = true;
  for (let i = 0; i < values.length && float32; i++) {
    const value = values[i]!;
    float32 = Math.fround(value) === value || Number.isNaN(value);
  }
  const width = float32 ? 4 : 8;
  const view = new DataView(new ArrayBuffer(values.length * width));
  for (let i = 0; i < values.length; i++) {
    if (float32) view.setFloat32(4 * i, values[i]!, true);
    else view.setFloat64(8 * i, values[i]!, true);
  }
  return `f${8 * width}:${toBase64(new Uint8Array(view.buffer))}`;
}

/** Reads `packNumbers`' text; anything else throws a message saying what is wrong with it. */
export function unpackNumbers(text: string): Float64Array {
  const match = PACKED.exec(text);
  if (!match) throw new Error('must be packed numbers: "f64:" or "f32:" followed by base64');
  const width = match[1] === 'f32' ? 4 : 8;
  const bytes = fromBase64(match[2]!);
  if (bytes.length % width !== 0)
    throw new Error(`holds ${bytes.length} bytes, not a whole number of ${width}-byte values`);
  const view = new DataView(bytes.buffer);
  const values = new Float64Array(bytes.length / width);
  for (let i = 0; i < values.length; i++)
    values[i] = width === 4 ? view.getFloat32(4 * i, true) : view.getFloat64(8 * i, true);
  return values;
}

function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 3) {
    const chunk = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    const chars = Math.min(4, bytes.length - i + 1);
    for (let k = 0; k < 4; k++) parts.push(k < chars ? ALPHABET[(chunk >> (18 - 6 * k)) & 63]! : '=');
  }
  return parts.join('');
}

function fromBase64(text: string): Uint8Array {
  const body = text.replace(/=+$/, '');
  if (text.length % 4 !== 0 || body.length % 4 === 1) throw new Error('has base64 of a wrong length');
  const bytes = new Uint8Array(Math.floor((body.length * 3) / 4));
  let bits = 0;
  let buffered = 0;
  let out = 0;
  for (const char of body) {
    bits = (bits << 6) | DIGIT.get(char)!;
    buffered += 6;
    if (buffered >= 8) {
      buffered -= 8;
      bytes[out++] = (bits >> buffered) & 255;
    }
  }
  return bytes;
}
