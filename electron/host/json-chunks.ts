/** Text is handed on in pieces of about this many characters. */
const CHUNK_CHARS = 1 << 16;

/**
 * JSON.stringify(value)'s text in pieces of about CHUNK_CHARS, so a file of any size is written
 * without one string holding it (V8 caps a string near 512 MB: "Invalid string length"). For
 * plain data — objects, arrays, strings, numbers, booleans, null — the pieces joined equal
 * JSON.stringify's text: undefined members are left out, undefined array items and numbers that
 * are not finite are written null.
 */
export function* jsonChunks(value: unknown): Generator<string> {
  let parts: string[] = [];
  let length = 0;
  const stack: Iterator<string | { value: unknown }>[] = [tokens(value)];
  while (stack.length) {
    const next = stack.at(-1)!.next();
    if (next.done) {
      stack.pop();
      continue;
    }
    if (typeof next.value === 'string') {
      // A long leaf goes on as it is: joining would only copy it.
      const long = next.value.length >= CHUNK_CHARS;
      if (!long) parts.push(next.value);
      length += next.value.length;
      if (length >= CHUNK_CHARS) {
        if (parts.length) yield parts.join('');
        if (long) yield next.value;
        [parts, length] = [[], 0];
      }
    } else stack.push(tokens(next.value.value));
  }
  if (parts.length) yield parts.join('');
}

/** One value's text: leaves as strings, members to expand as { value }. */
function* tokens(value: unknown): Generator<string | { value: unknown }> {
  if (typeof value === 'number') {
    yield Number.isFinite(value) ? String(value) : 'null';
  } else if (Array.isArray(value)) {
    // Runs of leaves are joined here, so a long series costs one string per CHUNK_CHARS, not one per number.
    let text = '[';
    for (let i = 0; i < value.length; i++) {
      if (i) text += ',';
      const item: unknown = value[i];
      if (typeof item === 'number') text += Number.isFinite(item) ? String(item) : 'null';
      else if (item === undefined || typeof item === 'function') text += 'null';
      else {
        yield text;
        text = '';
        yield { value: item };
      }
      if (text.length >= CHUNK_CHARS) {
        yield text;
        text = '';
      }
    }
    yield `${text}]`;
  } else if (value !== null && typeof value === 'object' && !('toJSON' in value)) {
    yield '{';
    let first = true;
    for (const [key, member] of Object.entries(value)) {
      if (member === undefined || typeof member === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(key)}:`;
      first = false;
      yield { value: member };
    }
    yield '}';
  } else {
    yield JSON.stringify(value) ?? 'null';
  }
}
