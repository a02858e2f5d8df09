/**
 * Property-based tests of the evaluator: random policy sets (identity policies, permissions
 * boundary, SCP levels, resource-based policy) built from every operator family (with IfExists,
 * ForAnyValue / ForAllValues, Null), NotAction / NotResource / NotPrincipal, wildcards and policy
 * variables, against random requests and contexts.
 *
 * Metamorphic properties, from "Policy evaluation logic" (IAM User Guide) — "an explicit deny in
 * any of these policies overrides the allow", "by default, all requests are implicitly denied with
 * the exception of the AWS account root user", and the evaluation flow chart, in which only the
 * SET of applicable statements matters, never their order:
 *  - adding a Deny that matches everything (Action "*", Resource "*", no condition) to any layer
 *    makes the decision EXPLICIT_DENY;
 *  - adding an Allow statement never turns EXPLICIT_DENY into anything else, and never turns
 *    ALLOWED into a denial (allows only add);
 *  - adding a Deny statement never turns a denial into ALLOWED;
 *  - removing every Allow statement yields no ALLOWED (except the root user of the account, without
 *    SCPs: "AWS account root user, which has full access");
 *  - a decision without missing context keys is never conditional, and a conditional decision is
 *    never ALLOWED;
 *  - the order of statements and of policies does not change the decision;
 *  - action names and context key names are case-insensitive ("IAM JSON policy elements: Action",
 *    "IAM policy elements: Variables and tags": "Key names are case-insensitive");
 *  - compiled policies carry caches: evaluating many requests in any order gives what a fresh
 *    compilation gives.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePolicy, contextFrom, evaluate, type CompiledPolicy, type PolicySet } from '../../src/engine/index.js';
import type { EvaluationRequest, EvaluationResult, MatchedStatement } from '../../src/engine/types.js';
import { parsePolicy } from '../../src/policy/parse.js';
import type { PolicyDocument } from '../../src/policy/types.js';
import { params } from './support.js';
import { policySetArb, requestArb, statementArb, type GenRequest, type JsonPolicy, type JsonPolicySet, type JsonStatement } from './policy-gen.js';

const DECISIONS = new Set(['ALLOWED', 'EXPLICIT_DENY', 'IMPLICIT_DENY']);

function docOf(policy: JsonPolicy): PolicyDocument {
  return parsePolicy(JSON.stringify(policy, null, 2)).document;
}

interface Built {
  set: PolicySet;
  /** Every compiled statement's `matched` entry (by reference) → its effect. */
  matched: Map<MatchedStatement, string>;
}

/** Compiles a JSON policy set; `mapDoc` may rearrange each parsed document first. */
function build(js: JsonPolicySet, mapDoc: (d: PolicyDocument) => PolicyDocument = (d) => d, identityOrder?: number[]): Built {
  const matched = new Map<MatchedStatement, string>();
  const compile = (p: JsonPolicy, name: string): CompiledPolicy => {
    const c = compilePolicy(mapDoc(docOf(p)), name);
    for (const st of c.statements) matched.set(st.matched, st.effect);
    return c;
  };
  const order = identityOrder ?? js.identity.map((_, i) => i);
  const set: PolicySet = { identityPolicies: order.map((i) => compile(js.identity[i]!, `identity-${i}`)) };
  if (js.boundary) set.permissionsBoundaries = [compile(js.boundary, 'boundary')];
  if (js.scps) set.serviceControlPolicies = js.scps.map((level, l) => level.map((p, i) => compile(p, `scp-${l}-${i}`)));
  if (js.resource) set.resourcePolicy = compile(js.resource, 'resource');
  return { set, matched };
}

function toRequest(r: GenRequest): EvaluationRequest {
  const req: EvaluationRequest = { action: r.action, resource: r.resource, context: contextFrom(r.context) };
  if (r.principal) req.principal = { ...r.principal };
  if (r.resourceOwner !== undefined) req.resourceOwner = r.resourceOwner;
  return req;
}

/** evaluate() must not throw and must return a well-formed result that only cites given statements. */
function run(b: Built, r: GenRequest, label = 'evaluate'): EvaluationResult {
  let res: EvaluationResult;
  try {
    res = evaluate(toRequest(r), b.set);
  } catch (e) {
    assert.fail(`${label} threw ${e instanceof Error ? e.stack : String(e)}`);
  }
  assert.ok(DECISIONS.has(res.decision), `${label}: decision ${res.decision}`);
  assert.equal(typeof res.conditional, 'boolean');
  assert.ok(Array.isArray(res.missingContextKeys) && res.missingContextKeys.every((k) => typeof k === 'string'));
  const lower = res.missingContextKeys.map((k) => k.toLowerCase());
  assert.equal(new Set(lower).size, lower.length, `${label}: missingContextKeys not unique: ${lower}`);
  for (const m of res.matchedStatements) {
    const effect = b.matched.get(m);
    assert.ok(effect !== undefined, `${label}: matched statement ${JSON.stringify(m)} is not a statement of the given policies`);
    if (res.decision === 'EXPLICIT_DENY') assert.equal(effect, 'Deny', `${label}: EXPLICIT_DENY cites an Allow statement`);
    else assert.equal(effect, 'Allow', `${label}: ${res.decision} cites a Deny statement`);
  }
  if (res.decision === 'ALLOWED') assert.equal(res.conditional, false, `${label}: ALLOWED cannot be conditional`);
  if (res.missingContextKeys.length === 0) assert.equal(res.conditional, false, `${label}: conditional without missing keys`);
  return res;
}

const MATCH_ALL_DENY: JsonStatement = { Effect: 'Deny', Action: '*', Resource: '*' };

type Layer = 'identity' | 'boundary' | 'scp' | 'resource';
const layerArb = fc.constantFrom<Layer>('identity', 'boundary', 'scp', 'resource');

/** Adds a statement to an existing policy of the layer (or a new policy when the layer is empty). */
function addStatement(js: JsonPolicySet, layer: Layer, st: JsonStatement, pick: number): JsonPolicySet {
  const copy: JsonPolicySet = structuredClone(js);
  const withSt = (p: JsonPolicy | undefined): JsonPolicy => (p ? { ...p, Statement: [...p.Statement, st] } : { Version: '2012-10-17', Statement: [st] });
  switch (layer) {
    case 'identity': {
      if (pick % 3 === 0) copy.identity.push(withSt(undefined));
      else {
        const i = pick % copy.identity.length;
        copy.identity[i] = withSt(copy.identity[i]);
      }
      break;
    }
    // A boundary or an SCP level that did not exist is a new restriction, not just a new statement;
    // creating one is left to the match-all-Deny property (pick odd: create; even: identity instead).
    case 'boundary':
      if (!copy.boundary && pick % 2 === 0) return addStatement(js, 'identity', st, pick);
      copy.boundary = withSt(copy.boundary);
      break;
    case 'scp': {
      if (!copy.scps && pick % 2 === 0) return addStatement(js, 'identity', st, pick);
      if (!copy.scps) copy.scps = [[withSt(undefined)]];
      else {
        const l = pick % copy.scps.length;
        const level = copy.scps[l]!;
        const i = pick % level.length;
        level[i] = withSt(level[i]);
      }
      break;
    }
    case 'resource':
      copy.resource = withSt(copy.resource);
      break;
  }
  return copy;
}

function mapPolicies(js: JsonPolicySet, f: (p: JsonPolicy) => JsonPolicy): JsonPolicySet {
  return {
    identity: js.identity.map(f),
    ...(js.boundary ? { boundary: f(js.boundary) } : {}),
    ...(js.scps ? { scps: js.scps.map((l) => l.map(f)) } : {}),
    ...(js.resource ? { resource: f(js.resource) } : {}),
  };
}

const sameOutcome = (a: EvaluationResult, b: EvaluationResult) => ({
  a: { decision: a.decision, conditional: a.conditional, missing: [...a.missingContextKeys].map((k) => k.toLowerCase()).sort() },
  b: { decision: b.decision, conditional: b.conditional, missing: [...b.missingContextKeys].map((k) => k.toLowerCase()).sort() },
});

test('fuzz evaluator: never throws, valid Decision, cites only given statements, conditional only with missing keys', () => {
  fc.assert(
    fc.property(policySetArb, fc.array(requestArb, { minLength: 1, maxLength: 4 }), (js, reqs) => {
      const b = build(js);
      for (const r of reqs) run(b, r);
    }),
    params(1000),
  );
});

test('fuzz evaluator: a Deny matching everything, added to any layer, makes the decision EXPLICIT_DENY', () => {
  fc.assert(
    fc.property(policySetArb, requestArb, layerArb, fc.nat(), (js, r, layer, pick) => {
      const st: JsonStatement = layer === 'resource' ? { ...MATCH_ALL_DENY, Principal: '*' } : MATCH_ALL_DENY;
      const res = run(build(addStatement(js, layer, st, pick)), r, `with match-all Deny in ${layer}`);
      assert.equal(res.decision, 'EXPLICIT_DENY');
      assert.equal(res.conditional, false, 'a certain Deny leaves nothing conditional');
    }),
    params(800),
  );
});

test('fuzz evaluator: adding an Allow never undoes EXPLICIT_DENY or ALLOWED; adding a Deny never yields ALLOWED', () => {
  fc.assert(
    fc.property(policySetArb, requestArb, layerArb, fc.nat(), fc.boolean(), statementArb({ principal: true }), (js, r, layer, pick, allow, generated) => {
      const st: JsonStatement = { ...generated, Effect: allow ? 'Allow' : 'Deny' };
      if (layer !== 'resource') {
        delete st.Principal;
        delete st.NotPrincipal;
      }
      const before = run(build(js), r, 'before');
      const after = run(build(addStatement(js, layer, st, pick * 2)), r, `after adding ${JSON.stringify(st)} to ${layer}`);
      if (allow) {
        if (before.decision === 'EXPLICIT_DENY') assert.equal(after.decision, 'EXPLICIT_DENY', 'an Allow turned EXPLICIT_DENY into something else');
        if (before.decision === 'ALLOWED') assert.equal(after.decision, 'ALLOWED', 'an Allow turned ALLOWED into a denial');
      } else {
        if (before.decision !== 'ALLOWED') assert.notEqual(after.decision, 'ALLOWED', 'a Deny turned a denial into ALLOWED');
        if (before.decision === 'EXPLICIT_DENY') assert.equal(after.decision, 'EXPLICIT_DENY');
      }
    }),
    params(1000),
  );
});

test('fuzz evaluator: without Allow statements nothing is ALLOWED (except the account root user without SCPs)', () => {
  fc.assert(
    fc.property(policySetArb, requestArb, (js, r) => {
      const noAllow = mapPolicies(js, (p) => ({ ...p, Statement: p.Statement.filter((s) => s.Effect !== 'Allow') }));
      const res = run(build(noAllow), r, 'without Allow statements');
      if (res.decision === 'ALLOWED') {
        assert.equal(r.principal?.type, 'Root', 'ALLOWED without any Allow statement');
        assert.ok(!noAllow.scps || noAllow.scps.length === 0, 'SCPs limit the root user too');
      }
    }),
    params(800),
  );
});

test('fuzz evaluator: statement order and policy order do not change the decision', () => {
  fc.assert(
    fc.property(policySetArb, requestArb, fc.infiniteStream(fc.nat()), (js, r, stream) => {
      const rnd = stream[Symbol.iterator]();
      const shuffle = <T>(xs: T[]): T[] => {
        const out = [...xs];
        for (let i = out.length - 1; i > 0; i--) {
          const j = rnd.next().value % (i + 1);
          [out[i], out[j]] = [out[j]!, out[i]!];
        }
        return out;
      };
      const a = build(js);
      const b = build(js, (d) => ({ ...d, statements: shuffle(d.statements) }), shuffle(js.identity.map((_, i) => i)));
      const ra = run(a, r, 'original order');
      const rb = run(b, r, 'shuffled order');
      const o = sameOutcome(ra, rb);
      assert.deepEqual(o.b, o.a);
      // Same statements cited, as (policy, line, column).
      const cite = (res: EvaluationResult) => res.matchedStatements.map((m) => `${m.policyName}:${m.line}:${m.column}`).sort();
      assert.deepEqual(cite(rb), cite(ra));
    }),
    params(800),
  );
});

test('fuzz evaluator: action names and context key names are case-insensitive', () => {
  fc.assert(
    fc.property(policySetArb, requestArb, fc.array(fc.boolean(), { minLength: 40, maxLength: 40 }), (js, r, flips) => {
      const recase = (s: string) => [...s].map((c, i) => (flips[i % flips.length] ? c.toUpperCase() : c.toLowerCase())).join('');
      const b = build(js);
      const base = run(b, r);
      const other = run(b, { ...r, action: recase(r.action), context: r.context.map((e) => ({ ...e, key: recase(e.key) })) }, 're-cased');
      assert.deepEqual(other, base);
    }),
    params(800),
  );
});

test('fuzz evaluator: cached compiled policies answer like a fresh compilation, in any request order', () => {
  fc.assert(
    fc.property(policySetArb, fc.array(requestArb, { minLength: 2, maxLength: 8 }), (js, reqs) => {
      const shared = build(js);
      const first = reqs.map((r) => run(shared, r));
      const again = [...reqs]
        .reverse()
        .map((r) => run(shared, r))
        .reverse();
      reqs.forEach((r, i) => {
        const fresh = build(js);
        const f = run(fresh, r, 'fresh');
        const strip = (res: EvaluationResult) => ({ ...res, matchedStatements: res.matchedStatements.map((m) => ({ ...m })) });
        assert.deepEqual(strip(first[i]!), strip(f), `request ${i}: shared compilation differs from a fresh one`);
        assert.deepEqual(strip(again[i]!), strip(f), `request ${i}: answer changed when asked again`);
      });
    }),
    params(400),
  );
});

test('fuzz evaluator: policies the parser produced from invalid policy text do not break evaluation', () => {
  // Structural problems (wrong types, missing Effect, unknown elements) survive parsing as a
  // partial document; the evaluator must cope with whatever is left.
  const oddStatement = fc.dictionary(
    fc.constantFrom('Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Condition', 'Principal', 'NotPrincipal', 'Sid'),
    fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom<unknown>(
        'Allow',
        'Deny',
        '*',
        ['s3:*'],
        { StringLike: { 'aws:username': ['a*', 1, null] } },
        { Null: { 'aws:username': 'true' } },
        { AWS: '*' },
      ),
    ),
  );
  fc.assert(
    fc.property(fc.array(oddStatement, { maxLength: 4 }), fc.constantFrom('2012-10-17', '2008-10-17'), requestArb, (stmts, version, r) => {
      const doc = parsePolicy(JSON.stringify({ Version: version, Statement: stmts })).document;
      const c = compilePolicy(doc, 'odd');
      const rp = compilePolicy(doc, 'odd-resource');
      const matched = new Map<MatchedStatement, string>();
      for (const st of [...c.statements, ...rp.statements]) matched.set(st.matched, st.effect);
      run({ set: { identityPolicies: [c], resourcePolicy: rp }, matched }, r, 'odd policy');
    }),
    params(800),
  );
});

// A quick sanity check that the generators produce every decision (otherwise the properties above
// would be vacuous).
test('fuzz evaluator: the generators reach ALLOWED, EXPLICIT_DENY, IMPLICIT_DENY and conditional outcomes', () => {
  const seen = new Set<string>();
  fc.assert(
    fc.property(policySetArb, requestArb, (js, r) => {
      const res = run(build(js), r);
      seen.add(res.decision);
      if (res.conditional) seen.add('conditional');
    }),
    params(1000),
  );
  for (const d of ['ALLOWED', 'EXPLICIT_DENY', 'IMPLICIT_DENY', 'conditional']) assert.ok(seen.has(d), `no ${d} outcome generated`);
});
