import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../helpers/cli.js';
import { FINDING_CODES } from '../../../src/policy/finding-codes.js';

test('the README lists every finding code with its type', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const [code, info] of Object.entries(FINDING_CODES)) {
    assert.match(readme, new RegExp(`\\| \`${code}\` \\| ${info.findingType} \\|`), code);
  }
});
