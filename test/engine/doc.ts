/**
 * Test helper: turns a plain JSON policy object into the parsed PolicyDocument model (the real
 * parser is written concurrently elsewhere). Positions are dummies (line 1, column 1) except that
 * each statement gets line = index + 1 so tests can tell statements apart.
 */
import type { Condition, PolicyDocument, PrincipalElement, Statement } from '../../src/policy/types.js';
import { compilePolicy, type CompiledPolicy } from '../../src/engine/compile.js';
import { contextFrom } from '../../src/engine/context.js';
import type { ContextKeyType, EvaluationRequest, RequestContext, RequestPrincipal } from '../../src/engine/types.js';

const POS = { line: 1, column: 1, offset: 0 };

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };

function list(v: Json | undefined): string[] | undefined {
  if (v === undefined) return undefined;
  return (Array.isArray(v) ? v : [v]).map((x) => String(x));
}

function principal(v: Json | undefined): PrincipalElement | undefined {
  if (v === undefined) return undefined;
  if (v === '*') return { wildcard: true, values: {}, position: POS };
  const values: Record<string, string[]> = {};
  for (const [k, val] of Object.entries(v as Record<string, Json>)) values[k] = list(val)!;
  return { wildcard: false, values, position: POS };
}

function conditions(v: Json | undefined): Condition[] {
  if (v === undefined) return [];
  const out: Condition[] = [];
  for (const [operator, block] of Object.entries(v as Record<string, Json>)) {
    for (const [key, values] of Object.entries(block as Record<string, Json>)) {
      out.push({ operator, key, values: list(values)!, position: POS });
    }
  }
  return out;
}

export function doc(policy: Record<string, Json>): PolicyDocument {
  const raw = policy['Statement'];
  const statements = (Array.isArray(raw) ? raw : [raw]) as Record<string, Json>[];
  return {
    ...(policy['Version'] !== undefined ? { version: String(policy['Version']) } : {}),
    statements: statements.map((s, index): Statement => {
      const st: Statement = {
        index,
        conditions: conditions(s['Condition']),
        position: { line: index + 1, column: 1, offset: 0 },
      };
      if (s['Sid'] !== undefined) st.sid = String(s['Sid']);
      if (s['Effect'] === 'Allow' || s['Effect'] === 'Deny') st.effect = s['Effect'];
      const p = principal(s['Principal']);
      if (p) st.principal = p;
      const np = principal(s['NotPrincipal']);
      if (np) st.notPrincipal = np;
      const a = list(s['Action']);
      if (a) st.action = a;
      const na = list(s['NotAction']);
      if (na) st.notAction = na;
      const r = list(s['Resource']);
      if (r) st.resource = r;
      const nr = list(s['NotResource']);
      if (nr) st.notResource = nr;
      return st;
    }),
    position: POS,
  };
}

/** Compile a JSON policy (Version defaults to 2012-10-17 unless the object says otherwise). */
export function policy(name: string, json: Record<string, Json>): CompiledPolicy {
  return compilePolicy(doc({ Version: '2012-10-17', ...json }), name);
}

/** Shorthand for a one-statement policy. */
export function stmt(name: string, statement: Record<string, Json>): CompiledPolicy {
  return policy(name, { Statement: [statement] });
}

export function ctx(entries: Record<string, string | string[] | [string[], ContextKeyType]> = {}): RequestContext {
  return contextFrom(
    Object.entries(entries).map(([key, v]) => {
      if (Array.isArray(v) && v.length === 2 && Array.isArray(v[0])) {
        return { key, values: v[0] as string[], type: v[1] as ContextKeyType };
      }
      return { key, values: Array.isArray(v) ? (v as string[]) : [v as string] };
    }),
  );
}

export const ACCOUNT = '123456789012';
export const OTHER = '999999999999';

export function user(name: string, account = ACCOUNT): RequestPrincipal {
  return { arn: `arn:aws:iam::${account}:user/${name}`, accountId: account, type: 'User' };
}

export function role(name: string, account = ACCOUNT, sessionName = 'accessql'): RequestPrincipal {
  return { arn: `arn:aws:iam::${account}:role/${name}`, accountId: account, type: 'Role', sessionName };
}

export function request(
  action: string,
  resource: string,
  opts: { principal?: RequestPrincipal; context?: RequestContext; resourceOwner?: string } = {},
): EvaluationRequest {
  const r: EvaluationRequest = {
    action,
    resource,
    context: opts.context ?? new Map(),
    principal: opts.principal ?? user('alice'),
  };
  if (opts.resourceOwner !== undefined) r.resourceOwner = opts.resourceOwner;
  return r;
}
