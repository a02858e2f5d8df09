/** The workload state fixtures (test/fixtures/workloads): AWS CLI output as printed. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
// Tests run from dist/test/workloads; fixtures stay in the source tree.
export const WORKLOAD_FIXTURES = path.resolve(here, '../../../test/fixtures/workloads');

export function wf(name: string): { name: string; text: string } {
  return { name, text: fs.readFileSync(path.join(WORKLOAD_FIXTURES, name), 'utf8') };
}
