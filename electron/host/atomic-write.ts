import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { jsonChunks } from './json-chunks';

/** Writes to a temporary name beside the target and renames, so a failure never leaves a partial file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomically(path, (temporary) => writeFile(temporary, data));
}

/** Writes `value` as JSON and a line break, streamed in pieces (json-chunks.ts), atomically as writeFileAtomic. */
export async function writeJsonFileAtomic(path: string, value: unknown): Promise<void> {
  await replaceAtomically(path, (temporary) =>
    pipeline(
      Readable.from(
        (function* () {
          yield* jsonChunks(value);
          yield '\n';
        })(),
      ),
      createWriteStream(temporary),
    ),
  );
}

async function replaceAtomically(path: string, write: (temporary: string) => Promise<void>): Promise<void> {
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await write(temporary);
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
