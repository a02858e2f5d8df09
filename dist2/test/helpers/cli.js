/** Runs the built CLI as a child process, as a user would. */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const CLI = path.join(ROOT, 'dist/src/cli/main.js');
export function runCli(args, options = {}) {
    const r = spawnSync(process.execPath, [CLI, ...args], {
        encoding: 'utf8',
        env: { ...process.env, ...options.env },
        input: options.input,
        cwd: options.cwd ?? ROOT,
        timeout: 120_000,
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
export function fixture(...parts) {
    return path.join(ROOT, 'test', 'fixtures', ...parts);
}
//# sourceMappingURL=cli.js.map