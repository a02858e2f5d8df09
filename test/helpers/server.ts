/** Starts the real CLI `serve` as a child process on port 0 and talks to it over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLI } from './cli.js';

export interface TestServer {
  url: string;
  dbFile: string;
  child: ChildProcess;
  stderr: () => string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>): Promise<GqlResponse<T>>;
  stop(): Promise<void>;
}

export interface GqlResponse<T> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

export function tempDb(): string {
  return path.join(mkdtempSync(path.join(tmpdir(), 'accessql-test-')), 'test.db');
}

export async function startTestServer(options: { dbFile?: string; env?: Record<string, string>; args?: string[] } = {}): Promise<TestServer> {
  const dbFile = options.dbFile ?? tempDb();
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--db', dbFile, ...(options.args ?? [])], {
    env: { ...process.env, ACCESSQL_LOG_LEVEL: 'warn', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += d));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${err}`)), 30_000);
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /listening at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${err}`)));
  });
  return {
    url,
    dbFile,
    child,
    stderr: () => err,
    async gql(query, variables, headers = {}) {
      const res = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as any;
      return { status: res.status, data: body.data, errors: body.errors };
    },
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
