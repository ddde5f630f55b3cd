#!/usr/bin/env node
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.mjs');
if (!existsSync(cli)) {
  process.stderr.write('gradscape: not built yet; run `npm run build` in the checkout first\n');
  process.exit(1);
}
await import(cli);
