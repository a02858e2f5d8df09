/**
 * accessChanges and whatIf on a generated account (bench/store/generate.ts):
 *
 *  1. import the account (files cached under --data, default /tmp/accessql-bench) into a fresh
 *     database, load its model and estate, build the latest index (the server keeps it: not timed
 *     in the targets, reported);
 *  2. identical data: accessChanges between the latest state and a second load of the same
 *     store (separate objects, same content, as a re-import of unchanged data gives): 0 changes;
 *  3. 1 % of the distinct policy documents edited (half gain an action, half lose their last
 *     statement), in every principal that holds them: accessChanges between the two states —
 *     the second state's index built from scratch (reusing the first's compiled policies)
 *     included in the time;
 *  4. whatIf with 10 changes (attach / detach, a managed policy's new version, an inline policy,
 *     group membership in and out, a boundary, a trust policy, deletes): the hypothetical state,
 *     its index, its accessChanges and one whoCan on it, the IAM facts loaded beforehand (once per
 *     import on the server).
 *
 *   node dist/bench/access/changes.bench.js [--size large|medium|small] [--seed 1] [--data DIR] [--json]
 *     [--keep-db FILE] [--only diff|what-if] [--repeat N] [--widest]
 *     [--put-policy NAME] [--from-draw K]
 *
 * Targets (issue 15): large — accessChanges between states differing by 1 % of policies < 5 s;
 * whatIf with 10 changes < 2 s.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openStore } from '../../src/store/db.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadAccountModel, type AccountModel, type ModelPolicy } from '../../src/store/account-model.js';
import { loadEstate } from '../../src/store/estate-model.js';
import { loadIamFacts } from '../../src/store/iam-facts.js';
import { AccessIndex } from '../../src/access/access-index.js';
import { accessChanges } from '../../src/access/changes/diff.js';
import { WhatIfSession, type ChangeSpec } from '../../src/access/changes/what-if.js';
import { whoCan } from '../../src/access/questions.js';
import { ensureData, readDataFiles } from '../store/import.bench.js';
import { prng, SIZES, type Size } from '../store/generate.js';

const argv = process.argv.slice(2);
const arg = (name: string) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? argv[i + 1] : undefined;
};
const size = (arg('size') ?? 'large') as Size;
if (!(size in SIZES)) throw new Error(`--size must be one of ${Object.keys(SIZES).join(', ')}`);
const seed = Number(arg('seed') ?? 1);
const dataDir = arg('data') ?? path.join(os.tmpdir(), 'accessql-bench');
const log = (s: string) => process.stderr.write(`${s}\n`);

/** Wall time, and the process's CPU time (user + system: the machine is shared, wall time is inflated by other jobs). */
function timeMs<T>(fn: () => T): { ms: number; cpuMs: number; value: T } {
  const t0 = process.hrtime.bigint();
  const c0 = process.cpuUsage();
  const value = fn();
  const c = process.cpuUsage(c0);
  return { ms: Number(process.hrtime.bigint() - t0) / 1e6, cpuMs: (c.user + c.system) / 1000, value };
}
const cpu = (t: { cpuMs: number }) => `${(t.cpuMs / 1000).toFixed(2)} s CPU`;

const EXTRA_ACTIONS = ['connect:StartContactRecording', 'connect:DescribeInstance', 's3:GetObject', 'logs:PutLogEvents', 'connect:StopContactRecording'];

/** The model with `share` of its distinct policy documents edited, everywhere they are held. */
function editPolicies(model: AccountModel, share: number): { model: AccountModel; edited: number } {
  const rnd = prng(seed * 31337);
  const ids = [...new Set(model.principals.flatMap((p) => p.policies.map((x) => x.id)))].sort();
  const chosen = new Map<string, string>();
  for (const id of ids) if (rnd() < share) chosen.set(id, '');
  const docs = new Map<string, ModelPolicy>();
  for (const p of model.principals) for (const x of p.policies) if (chosen.has(x.id) && !docs.has(x.id)) docs.set(x.id, x);
  const replaced = new Map<string, ModelPolicy>();
  let k = 0;
  for (const [id, x] of docs) {
    const d = JSON.parse(x.document) as { Statement: { Action?: string | string[] }[] | { Action?: string | string[] } };
    const statements = Array.isArray(d.Statement) ? d.Statement : [d.Statement];
    if (k++ % 2 === 0 || statements.length < 2) {
      const first = statements[0];
      const actions = first.Action === undefined ? [] : Array.isArray(first.Action) ? first.Action : [first.Action];
      if (first.Action !== undefined) first.Action = [...actions, EXTRA_ACTIONS[k % EXTRA_ACTIONS.length]];
    } else statements.pop();
    d.Statement = statements;
    const text = JSON.stringify(d, null, 4);
    // A managed policy's edit is a new default version (a new id); an inline one keeps its id.
    replaced.set(id, x.kind === 'INLINE' ? { ...x, document: text } : { ...x, id: `${x.arn}@v-bench`, versionId: 'v-bench', document: text });
  }
  const principals = model.principals.map((p) =>
    p.policies.some((x) => replaced.has(x.id))
      ? { ...p, policies: p.policies.map((x) => (replaced.has(x.id) ? { ...replaced.get(x.id)!, viaGroup: x.viaGroup } : x)) }
      : p,
  );
  return { model: { ...model, modelVersion: `${model.modelVersion}+edited`, principals }, edited: replaced.size };
}

/**
 * --put-policy NAME: the third change (a new default version) goes to the customer managed policy
 * whose ARN ends in /NAME instead of a drawn one, so a heavy draw can be measured again by name.
 */
function putTarget(drawn: string, managed: readonly { arn: string }[]): string {
  const name = arg('put-policy');
  if (name === undefined) return drawn;
  const named = managed.find((m) => m.arn.endsWith(`/${name}`));
  if (!named) throw new Error(`--put-policy ${name}: no customer managed policy has that name`);
  return named.arn;
}

/** Ten changes drawn (seeded) from the account's own users, groups, roles and policies. */
function tenChanges(model: AccountModel, facts: ReturnType<typeof loadIamFacts>, draw = 0): ChangeSpec[] {
  const rnd = prng(seed * 7 + draw * 7919);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)];
  const users = model.principals.filter((p) => p.type === 'USER');
  const roles = model.principals.filter((p) => p.type === 'ROLE');
  const groups = [...facts.groups.values()];
  const managed = [...facts.managed.values()].filter((m) => m.document !== null && m.kind === 'CUSTOMER_MANAGED');
  const withGroup = users.find((u) => u.groups.length > 0)!;
  const memberOf = groups.find((g) => g.accountId === withGroup.accountId && g.name === withGroup.groups[0])!;
  const attachedToGroup = groups.find((g) => g.attached.length > 0)!;
  const roleWithInline = roles.find((r) => (facts.own.get(r.arn)?.inline.length ?? 0) > 0) ?? roles[0];
  const grant = JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: ['connect:Describe*', 'connect:StartContactRecording'], Resource: '*' }],
  });
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: users[0].arn }, Action: 'sts:AssumeRole' }] });
  const newGroup = groups.find((g) => g.accountId === users[1].accountId && !users[1].groups.includes(g.name))!;
  return [
    { attachPolicy: { policyArn: pick(managed).arn, targetArn: pick(groups).arn } },
    { detachPolicy: { policyArn: attachedToGroup.attached[0], targetArn: attachedToGroup.arn } },
    { putPolicy: { policyId: putTarget(pick(managed).arn, managed), document: grant } },
    { putPolicy: { policyId: `${pick(users).arn}#bench-inline`, document: grant } },
    { addUserToGroup: { userArn: users[1].arn, groupArn: newGroup.arn } },
    { removeUserFromGroup: { userArn: withGroup.arn, groupArn: memberOf.arn } },
    { setPermissionsBoundary: { principalArn: pick(roles).arn, policyArn: pick(managed).arn } },
    { putTrustPolicy: { roleArn: pick(roles).arn, document: trust } },
    { attachPolicy: { policyArn: pick(managed).arn, targetArn: pick(roles).arn } },
    { deletePolicy: { policyId: (facts.own.get(roleWithInline.arn)?.inline[0]?.id ?? `${roleWithInline.arn}#none`) as string } },
  ];
}

/** Step 3: accessChanges between the latest state and one with 1 % of its policies edited. */
function onePercent(latest: { model: AccountModel; estate: ReturnType<typeof loadEstate>; index: AccessIndex }, report: Record<string, unknown>): void {
  const edited = editPolicies(latest.model, 0.01);
  const diff = timeMs(() => accessChanges(latest, { model: edited.model, estate: latest.estate }));
  const gained = diff.value.changes.filter((c) => c.change === 'GAINED').length;
  report.onePercent = {
    seconds: diff.ms / 1000,
    cpuSeconds: diff.cpuMs / 1000,
    policiesEdited: edited.edited,
    principalsAffected: diff.value.principalsAffected,
    evaluations: diff.value.evaluations,
    changes: diff.value.changes.length,
    gained,
    lost: diff.value.changes.length - gained,
  };
  log(
    `1 % of policies (${edited.edited} documents) edited: ${diff.value.changes.length} changes (${gained} gained), ${diff.value.principalsAffected} principals re-evaluated, ${diff.value.evaluations} evaluations, ${(diff.ms / 1000).toFixed(2)} s, ${cpu(diff)} (target < 5 s)`,
  );
}

async function main(): Promise<void> {
  const report: Record<string, unknown> = { size, seed };
  const dir = ensureData(size, seed, dataDir);
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'accessql-changes-'));
  try {
    // --keep-db FILE: import once into FILE and reuse it on later runs (the import is not measured here).
    const kept = arg('keep-db');
    const reuse = kept !== undefined && fs.existsSync(kept);
    const store = openStore(kept ?? path.join(work, 'account.db'));
    if (!reuse) {
      const imported = timeMs(() => importFiles(store, readDataFiles(dir)));
      log(`imported ${size} in ${(imported.ms / 1000).toFixed(1)} s`);
    }
    const model = loadAccountModel(store);
    const estate = loadEstate(store);
    const built = timeMs(() => new AccessIndex(model, estate));
    report.indexBuildSeconds = built.ms / 1000;
    report.principals = model.principals.length;
    log(`latest index: ${model.principals.length} principals, built in ${(built.ms / 1000).toFixed(1)} s (kept by the server; not in the targets)`);
    const latest = { model, estate, index: built.value };

    // 2. identical data
    const again = { model: loadAccountModel(store), estate: loadEstate(store) };
    const same = timeMs(() => accessChanges(latest, again));
    report.identical = { seconds: same.ms / 1000, cpuSeconds: same.cpuMs / 1000, changes: same.value.changes.length, evaluations: same.value.evaluations };
    log(`identical data: ${same.value.changes.length} changes, ${same.value.evaluations} evaluations, ${same.ms.toFixed(0)} ms (${cpu(same)})`);

    // 3. 1 % of policies edited (--only what-if: skipped)
    if (arg('only') !== 'what-if') onePercent(latest, report);

    // 4. whatIf with 10 changes
    if (arg('only') === 'diff') {
      store.close();
      return;
    }
    const facts = timeMs(() => loadIamFacts(store));
    report.factsSeconds = facts.ms / 1000;
    // --repeat N: N what-ifs in one process, each with its own ten changes (the first as the
    // first question after a start; the later ones as a server that has answered others).
    const repeat = Number(arg('repeat') ?? 1);
    const runs: Record<string, number>[] = [];
    // --from-draw K: start at draw K (to measure one draw again by its number).
    const fromDraw = Number(arg('from-draw') ?? 0);
    for (let r = fromDraw; r < fromDraw + repeat; r++) {
      const changes = tenChanges(model, facts.value, r);
      const whatIf = timeMs(() => {
        const session = new WhatIfSession(latest, facts.value, changes);
        const index = timeMs(() => session.index());
        const diffed = timeMs(() => session.diff());
        const who = whoCan(session.index(), 'connect:StartContactRecording', '*', undefined);
        return { d: diffed.value, who: who.entries.length, index, diffMs: diffed.ms };
      });
      runs.push({
        seconds: whatIf.ms / 1000,
        cpuSeconds: whatIf.cpuMs / 1000,
        changes: whatIf.value.d.changes.length,
        evaluations: whatIf.value.d.evaluations,
        whoCan: whatIf.value.who,
      });
      log(
        `whatIf with 10 changes${repeat > 1 ? ` (draw ${r})` : ''}: ${whatIf.value.d.changes.length} access changes, ${whatIf.value.d.evaluations} evaluations, whoCan ${whatIf.value.who} principals, ${(whatIf.ms / 1000).toFixed(2)} s, ${cpu(whatIf)}, of which the hypothetical index ${(whatIf.value.index.ms / 1000).toFixed(2)} s, the diff ${(whatIf.value.diffMs / 1000).toFixed(2)} s (target < 2 s; IAM facts loaded once per import: ${(facts.ms / 1000).toFixed(2)} s)`,
      );
    }
    report.whatIf = runs[0];
    if (repeat > 1) report.whatIfRuns = runs;

    // --widest: one change only, a new default version of the customer managed policy held by the
    // most principals (every holder loses what the old text granted): the diff's cost as the
    // answer grows (no target; the ten-change draws above are the target's case).
    if (argv.includes('--widest')) {
      const holders = new Map<string, number>();
      for (const p of model.principals)
        for (const x of p.policies) if (x.arn && x.kind === 'CUSTOMER_MANAGED') holders.set(x.arn, (holders.get(x.arn) ?? 0) + 1);
      const [arn, held] = [...holders].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0];
      const grant = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'connect:Describe*', Resource: '*' }] });
      const widest = timeMs(() => new WhatIfSession(latest, facts.value, [{ putPolicy: { policyId: arn, document: grant } }]).diff());
      report.widest = { policyHolders: held, seconds: widest.ms / 1000, changes: widest.value.changes.length, evaluations: widest.value.evaluations };
      log(
        `whatIf, one new version of the most widely held policy (${held} holders): ${widest.value.changes.length} access changes, ${widest.value.evaluations} evaluations, ${(widest.ms / 1000).toFixed(2)} s, ${cpu(widest)} (${((widest.ms * 1000) / Math.max(1, widest.value.changes.length)).toFixed(0)} µs per change)`,
      );
    }
    if (argv.includes('--json')) process.stdout.write(`${JSON.stringify(report)}\n`);
    store.close();
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

await main();
