/**
 * A float64 array as a .npy file (NumPy format version 1.0): the magic string, the version, a
 * little-endian header length, then an ASCII dict padded with spaces and ending in a newline so
 * that the data starts on a 64-byte boundary, then the values in C order.
 */
export function encodeNpy(values: Float64Array, shape: readonly number[]): Uint8Array {
  const count = shape.reduce((product, size) => product * size, 1);
  if (count !== values.length) throw new Error(`shape ${shape.join('×')} does not hold ${values.length} values`);
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '<f8', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const preamble = 10; // magic (6) + version (2) + header length (2)
  const padded = Math.ceil((preamble + dict.length + 1) / 64) * 64;
  const header = dict.padEnd(padded - preamble - 1, ' ') + '\n';
  const bytes = new Uint8Array(padded + 8 * values.length);
  bytes.set([0x93, ...'NUMPY'.split('').map((c) => c.charCodeAt(0)), 1, 0]);
  const view = new DataView(bytes.buffer);
  view.setUint16(8, header.length, true);
  for (let k = 0; k < header.length; k++) bytes[preamble + k] = header.charCodeAt(k);
  for (let k = 0; k < values.length; k++) view.setFloat64(padded + 8 * k, values[k]!, true);
  return bytes;
}
