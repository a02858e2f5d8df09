/** Starts the real CLI `serve` as a child process on port 0 and talks to it over HTTP. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import http from 'node:http';
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

/**
 * `keepAlive`: reuse connections, as a real client does (benchmarks). Tests leave it off: they
 * pause (a synchronous CLI run, say) past the server's 5 s keep-alive timeout and would then
 * write to a socket the server has just closed ("other side closed").
 */
export async function startTestServer(
  options: { dbFile?: string; env?: Record<string, string>; args?: string[]; keepAlive?: boolean } = {},
): Promise<TestServer> {
  const agent = options.keepAlive ? new http.Agent({ keepAlive: true }) : false;
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
      const { status, body } = await postJson(url, JSON.stringify({ query, variables }), headers, agent);
      const parsed = JSON.parse(body) as any;
      return { status, data: parsed.data, errors: parsed.errors };
    },
    async stop() {
      if (agent) agent.destroy();
      if (child.exitCode !== null) return;
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

/** One POST; on a fresh connection unless given a keep-alive agent. */
export function postJson(
  url: string,
  body: string,
  headers: Record<string, string> = {},
  agent: http.Agent | false = false,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      url,
      {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), ...headers },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}
