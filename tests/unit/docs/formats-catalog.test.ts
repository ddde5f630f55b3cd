import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG_NAMES, catalogEntry } from '../../../shared/functions/catalog';
import { repoRoot } from '../../support/paths';

/** The rows of docs/formats.md's function catalog table: name, formula, box. */
function documentedCatalog(): [string, string, string][] {
  const page = readFileSync(join(repoRoot, 'docs', 'formats.md'), 'utf8');
  const section = page.slice(page.indexOf('### Function catalog'), page.indexOf('## Run file'));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split(' | ').map((cell) => cell.replace(/^\| |`| \|$/g, '')) as [string, string, string]);
}

describe('docs/formats.md’s function catalog', () => {
  it('lists every catalog function with the formula and box the code has, in order', () => {
    const fromCode = CATALOG_NAMES.map((name) => {
      const { formula, bounds } = catalogEntry(name);
      return [name, formula, JSON.stringify(bounds).replace(/,/g, ', ')];
    });
    expect(documentedCatalog()).toEqual(fromCode);
  });
});
