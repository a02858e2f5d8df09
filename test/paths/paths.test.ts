/**
 * Access paths on a hand-built account (fixture.ts) holding one principal per privilege
 * escalation path of iam-vulnerable (Bishop Fox, "IAM privilege escalation paths") and
 * pathfinding.cloud, each next to a negative control, plus role chains. Units: the App's
 * AccessPaths with hand-built workload states.
 */
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { App } from '../../src/app.js';
import { importFiles } from '../../src/store/import/index.js';
import { loadPathFacts } from '../../src/store/path-facts.js';
import { emptyWorkloadState, type WorkloadState } from '../../src/store/workload-model.js';
import { AccessPaths, type AccessStep, type Escalation } from '../../src/access/paths/index.js';
import { searchBackward, searchForward, pathOf } from '../../src/access/paths/search.js';
import { makeStep } from '../../src/access/paths/steps.js';
import { tempDb } from '../helpers/server.js';
import {
  ACCT,
  ADMINISTRATORS,
  arn,
  authorizationDetails,
  BUCKET_OBJECT,
  EXPECTED,
  FUNCTION_ARN,
  importedState,
  INSTANCE_ARN,
  NOT_ESCALATING,
} from './fixture.js';

let app: App;
let dbFile: string;

before(() => {
  dbFile = tempDb();
  app = App.open({ dbFile, seedIfNew: false });
  importFiles(app.store, [{ name: 'auth.json', text: JSON.stringify(authorizationDetails()) }]);
});
after(() => {
  app.close();
  rmSync(path.dirname(dbFile), { recursive: true, force: true });
});

function pathsWith(state: WorkloadState): AccessPaths {
  return new AccessPaths(app.accessIndex(), loadPathFacts(app.store), state);
}
function byName(list: Escalation[]): Map<string, Escalation> {
  return new Map(list.map((e) => [e.principal.model.name, e]));
}

/** Each step starts where the previous ended; the first at the principal; the last reaches `reaches`. */
export function assertWellFormed(start: string, steps: AccessStep[], reaches: string, admins: Set<string>): void {
  assert.ok(steps.length > 0, `${start}: a path has steps`);
  assert.equal(steps[0].from, start, `${start}: the first step starts at the principal`);
  for (let i = 1; i < steps.length; i++) assert.equal(steps[i].from, steps[i - 1].to, `${start}: step ${i + 1} starts where step ${i} ended`);
  const last = steps[steps.length - 1];
  assert.equal(last.to, reaches, `${start}: the last step reaches ${reaches}`);
  assert.ok(last.empowers || admins.has(reaches), `${start}: ${reaches} is an administrator, or the last step makes it one`);
  for (const s of steps) {
    assert.ok(s.actions.length > 0);
    for (const a of s.actions) assert.ok(a.matchedStatements.length > 0, `${start}: ${a.action} names the statements that allow it`);
  }
}

const SOURCES: Record<string, string> = {
  cpv: 'iam-vulnerable privesc1 CreateNewPolicyVersion',
  sdpv: 'iam-vulnerable privesc2 SetExistingDefaultPolicyVersion (an existing non-default version)',
  'attach-self': 'iam-vulnerable privesc7 AttachUserPolicy (iam:PolicyARN = AdministratorAccess)',
  'put-self': 'iam-vulnerable privesc9 PutUserPolicy',
  'group-put': 'iam-vulnerable privesc10 PutGroupPolicy on its own group',
  joiner: 'iam-vulnerable privesc12 AddUserToGroup',
  keymaker: 'iam-vulnerable privesc4 CreateAccessKey',
  loginmaker: 'iam-vulnerable privesc5 CreateLoginProfile',
  loginupdater: 'iam-vulnerable privesc6 UpdateLoginProfile',
  'trust-updater': 'iam-vulnerable privesc14 UpdateRolePolicyToAssumeIt',
  'lambda-passer': 'iam-vulnerable privesc15 PassExistingRoleToNewLambdaThenInvoke',
  'lambda-esm-passer': 'iam-vulnerable privesc16 PassRoleToNewLambdaThenTriggerWithNewDynamo (CreateEventSourceMapping)',
  'ec2-passer': 'iam-vulnerable privesc3 CreateEC2WithExistingIP (instance profile)',
  'glue-passer': 'iam-vulnerable privesc19 PassExistingRoleToNewGlueDevEndpoint',
  'cfn-passer': 'iam-vulnerable privesc17 PassExistingRoleToNewCloudFormation',
  'codebuild-passer': 'pathfinding.cloud codebuild-001 PassRole + CreateProject + StartBuild',
  'sagemaker-passer': 'pathfinding.cloud sagemaker-002 PassRole + CreateTrainingJob',
  'datapipeline-passer': 'iam-vulnerable privesc18 PassExistingRoleToNewDataPipeline',
  'ecs-passer': 'pathfinding.cloud ecs-001 PassRole + RegisterTaskDefinition + RunTask',
  'code-updater': 'iam-vulnerable privesc20 EditExistingLambdaFunctionWithRole (no function list imported: conditional)',
  'ssm-user': 'pathfinding.cloud ssm-001 SendCommand on an instance with a profile (no instances imported: conditional)',
  bob: 'IAM User Guide "Using MFA": a trust policy requiring aws:MultiFactorAuthPresent, without MFA: conditional',
  'vendor-user': 'IAM User Guide "Access to AWS accounts owned by third parties": sts:ExternalId: conditional',
  gina: 'IAM User Guide "IAM roles": sts:AssumeRole on a trusting administrator role',
};

const NEGATIVE_REASONS: Record<string, string> = {
  'cpv-other': 'CreatePolicyVersion on someone else’s policy',
  bystander: 'no IAM permission at all',
  'sdpv-noversion': 'SetDefaultPolicyVersion where no version grants more',
  'attach-cond': 'AttachUserPolicy limited by iam:PolicyARN to ReadOnlyAccess',
  'put-bounded': 'PutUserPolicy under a permissions boundary that keeps it from being administrator ("Permissions boundaries for IAM entities")',
  'joiner-denied': 'AddUserToGroup with an explicit Deny ("Policy evaluation logic": an explicit deny overrides)',
  'keymaker-tame': 'CreateAccessKey for a user that is not an administrator',
  'trust-updater-denied': 'UpdateAssumeRolePolicy with sts:AssumeRole denied',
  'passer-harmless': 'PassRole limited by iam:PassedToService to logs.amazonaws.com ("IAM condition context keys": iam:PassedToService)',
  'passer-noinvoke': 'PassRole + CreateFunction without InvokeFunction or CreateEventSourceMapping',
  'passer-wrong-trust': 'PassRole of a role that does not trust lambda.amazonaws.com',
  'ec2-passer-noprofile': 'PassRole + RunInstances of a role without an instance profile ("Using instance profiles")',
  alice: 'a chain to a role that is not an administrator',
  carol: 'a trust policy that does not trust the caller',
  dave: 'a permissions boundary that does not allow sts:AssumeRole',
  erin: 'an explicit Deny of sts:AssumeRole',
  frank: 'a cycle of roles, none an administrator',
  'bounded-admin': 'Action * under a boundary that allows only s3:* is not an administrator',
};

describe('privilege escalations without workload state', () => {
  let list: Escalation[];
  let admins: Set<string>;
  before(() => {
    const paths = pathsWith(emptyWorkloadState());
    list = paths.escalations().list;
    admins = new Set(paths.graph.administrators().map((p) => p.model.arn));
  });

  test('administrators: allowed every probe by the engine; a boundary-limited "*" is not one', () => {
    assert.deepEqual([...admins].sort(), [...ADMINISTRATORS].sort());
    assert.ok(!admins.has(arn('user', 'bounded-admin')));
  });

  for (const [name, want] of Object.entries(EXPECTED)) {
    test(`${name} escalates: ${SOURCES[name]}`, () => {
      const e = byName(list).get(name);
      assert.ok(e, `${name} escalates`);
      assert.deepEqual(
        e.path.map((s) => s.kind),
        want.kinds,
      );
      assert.equal(e.conditional, want.conditional, `${name} conditional`);
      if (want.reaches) assert.equal(e.reaches, want.reaches);
      assertWellFormed(arn('user', name), e.path, e.reaches, admins);
    });
  }

  for (const name of NOT_ESCALATING) {
    test(`${name} does not escalate: ${NEGATIVE_REASONS[name]}`, () => {
      assert.equal(byName(list).get(name), undefined);
    });
  }

  test('exactly the expected principals escalate, ordered by ARN, administrators left out', () => {
    assert.deepEqual(list.map((e) => e.principal.model.name).sort(), Object.keys(EXPECTED).sort());
    const arns = list.map((e) => e.principal.model.arn);
    assert.deepEqual(arns, [...arns].sort());
    for (const e of list) assert.ok(!admins.has(e.principal.model.arn));
  });

  test('MFA-only trust without MFA is conditional on aws:MultiFactorAuthPresent; external id on sts:ExternalId', () => {
    const bob = byName(list).get('bob')!;
    assert.deepEqual(
      bob.path[0].missingContextKeys.map((k) => k.toLowerCase()),
      ['aws:multifactorauthpresent'],
    );
    const vendor = byName(list).get('vendor-user')!;
    assert.deepEqual(
      vendor.path[0].missingContextKeys.map((k) => k.toLowerCase()),
      ['sts:externalid'],
    );
  });

  test('PassRole is asked with iam:PassedToService and names the service; the statements of each action are kept', () => {
    const e = byName(list).get('lambda-passer')!;
    const step = e.path[0];
    assert.equal(step.via, 'lambda.amazonaws.com');
    assert.deepEqual(
      step.actions.map((a) => a.action),
      ['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'],
    );
    assert.equal(step.actions[0].resource, arn('role', 'service-admin'));
    assert.ok(step.actions.every((a) => a.matchedStatements.some((s) => s.policyName === 'lambda-passer/lambda-passer-inline')));
  });

  test('credential steps rest on the credential report when it was not imported', () => {
    const e = byName(list).get('keymaker')!;
    assert.deepEqual(e.path[0].missingState, [`CREDENTIAL_REPORT of ${ACCT}`]);
    assert.equal(e.path[0].conditional, true);
  });
});

describe('privilege escalations with workload state (credential report, functions, instances)', () => {
  test('imported: a user with a password and one key — CreateAccessKey and UpdateLoginProfile definite, CreateLoginProfile absent', () => {
    const m = byName(pathsWith(importedState({ keys: 1, password: true })).escalations().list);
    assert.equal(m.get('keymaker')?.conditional, false);
    assert.equal(m.get('loginupdater')?.conditional, false);
    assert.equal(m.get('loginmaker'), undefined);
  });

  test('imported: two active keys and no password — CreateAccessKey absent (two keys per user), CreateLoginProfile definite, UpdateLoginProfile absent', () => {
    const m = byName(pathsWith(importedState({ keys: 2, password: false })).escalations().list);
    assert.equal(m.get('keymaker'), undefined);
    assert.equal(m.get('loginmaker')?.conditional, false);
    assert.equal(m.get('loginupdater'), undefined);
  });

  test('imported: one active and one inactive key — CreateAccessKey absent (IAM and AWS STS quotas: two keys per user, inactive ones count)', () => {
    const m = byName(pathsWith(importedState({ keys: 1, inactiveKeys: 1, password: false })).escalations().list);
    assert.equal(m.get('keymaker'), undefined);
    assert.equal(m.get('loginmaker')?.conditional, false);
  });

  test('imported workloads: lambda:UpdateFunctionCode on a function running as an administrator role, ssm:SendCommand on its instance — definite', () => {
    const m = byName(pathsWith(importedState()).escalations().list);
    const code = m.get('code-updater')!;
    assert.equal(code.conditional, false);
    assert.equal(code.path[0].via, FUNCTION_ARN);
    assert.equal(code.reaches, arn('role', 'service-admin'));
    const ssm = m.get('ssm-user')!;
    assert.equal(ssm.conditional, false);
    assert.equal(ssm.path[0].via, INSTANCE_ARN);
  });

  test('imported with no workloads: the workload steps are absent', () => {
    const m = byName(pathsWith(importedState({ workloads: false })).escalations().list);
    assert.equal(m.get('code-updater'), undefined);
    assert.equal(m.get('ssm-user'), undefined);
    // The rest is unchanged.
    assert.ok(m.get('lambda-passer'));
    assert.ok(m.get('cpv'));
  });
});

describe('role chains', () => {
  test('whoCan transitive: alice reaches s3:GetObject through hop-role and data-reader-role; direct entries have no path', () => {
    const paths = pathsWith(emptyWorkloadState());
    const answer = paths.whoCanTransitive('s3:GetObject', BUCKET_OBJECT, undefined);
    const m = new Map(answer.entries.map((e) => [e.principal.model.name, e]));
    assert.deepEqual(m.get('data-reader-role')?.path, []);
    const alice = m.get('alice')!;
    assert.deepEqual(
      alice.path.map((s) => [s.from, s.to]),
      [
        [arn('user', 'alice'), arn('role', 'hop-role')],
        [arn('role', 'hop-role'), arn('role', 'data-reader-role')],
      ],
    );
    assert.equal(alice.result.decision, 'ALLOWED');
    // frank: into the cycle a → b, where b is allowed.
    assert.deepEqual(
      m.get('frank')!.path.map((s) => s.to),
      [arn('role', 'cycle-a'), arn('role', 'cycle-b')],
    );
    for (const name of ['carol', 'dave', 'erin', 'bob']) assert.equal(m.get(name), undefined, `${name} is not listed`);
    // Each chain ends at a principal allowed itself.
    const allowed = new Set(answer.entries.filter((e) => e.path.length === 0).map((e) => e.principal.model.arn));
    for (const e of answer.entries) {
      if (e.path.length === 0) continue;
      assert.equal(e.path[0].from, e.principal.model.arn);
      for (let i = 1; i < e.path.length; i++) assert.equal(e.path[i].from, e.path[i - 1].to);
      assert.ok(allowed.has(e.path[e.path.length - 1].to));
      assert.ok(e.path.every((s) => s.kind === 'ASSUME_ROLE'));
    }
  });

  test('whoCan transitive with includeConditional: bob through the MFA-only role, conditional', () => {
    const answer = pathsWith(emptyWorkloadState()).whoCanTransitive('s3:GetObject', BUCKET_OBJECT, undefined, { includeConditional: true });
    const bob = answer.entries.find((e) => e.principal.model.name === 'bob')!;
    assert.equal(bob.conditional, true);
    assert.equal(bob.path[0].to, arn('role', 'mfa-admin'));
  });

  test('reachableRoles: cycles are visited once, each role with its shortest chain', () => {
    const paths = pathsWith(emptyWorkloadState());
    const frank = paths.reachableRoles(arn('user', 'frank'));
    assert.deepEqual(
      frank.map((r) => [r.role.model.name, r.path.length]),
      [
        ['cycle-a', 1],
        ['cycle-b', 2],
      ],
    );
    const alice = paths.reachableRoles(arn('user', 'alice'));
    assert.deepEqual(
      alice.map((r) => r.role.model.name),
      ['data-reader-role', 'hop-role'],
    );
    assert.deepEqual(paths.reachableRoles(arn('user', 'carol')), []);
  });
});

describe('caching and bounds', () => {
  test('escalations are computed once per model version, then answered from cache (no new evaluations)', () => {
    const paths = app.accessPaths();
    assert.equal(app.accessPaths(), paths);
    const first = paths.escalations();
    const steps = paths.graph.evaluations;
    assert.ok(steps > 0);
    assert.equal(paths.escalations(), first);
    assert.equal(paths.graph.evaluations, steps);
  });

  test('an import makes a new graph (the cache is invalidated)', () => {
    const before = app.accessPaths();
    const details = authorizationDetails();
    (details.UserDetailList as unknown[]).push({
      Path: '/',
      UserName: 'newcomer',
      UserId: 'AIDANEWCOMEREXAMPLE1',
      Arn: arn('user', 'newcomer'),
      GroupList: [],
      UserPolicyList: [
        {
          PolicyName: 'self',
          PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:PutUserPolicy', Resource: arn('user', 'newcomer') }] },
        },
      ],
      AttachedManagedPolicies: [],
      Tags: [],
    });
    importFiles(app.store, [{ name: 'auth2.json', text: JSON.stringify(details) }]);
    const afterImport = app.accessPaths();
    assert.notEqual(afterImport, before);
    assert.ok(afterImport.escalations().list.some((e) => e.principal.model.name === 'newcomer'));
  });

  test('search: a depth bound stops long chains and says so; cycles end', () => {
    const step = (from: string, to: string) =>
      makeStep('ASSUME_ROLE', from, to, null, [{ action: 'sts:AssumeRole', resource: to, conditional: false, missingContextKeys: [], matchedStatements: [] }]);
    // a → b → c → d (target), and c → b (cycle).
    const edges: Record<string, AccessStep[]> = { d: [step('c', 'd')], c: [step('b', 'c')], b: [step('a', 'b'), step('c', 'b')] };
    const full = searchBackward([{ arn: 'd', step: null, conditional: false }], (x) => edges[x] ?? []);
    assert.equal(full.truncated, false);
    assert.deepEqual(
      pathOf(full, 'a').map((s) => s.to),
      ['b', 'c', 'd'],
    );
    const bounded = searchBackward([{ arn: 'd', step: null, conditional: false }], (x) => edges[x] ?? [], { maxDepth: 2, maxNodes: 100 });
    assert.equal(bounded.truncated, true);
    assert.equal(bounded.reached.has('a'), false);
    assert.equal(bounded.reached.has('b'), true);
    const nodes = searchBackward([{ arn: 'd', step: null, conditional: false }], (x) => edges[x] ?? [], { maxDepth: 8, maxNodes: 1 });
    assert.equal(nodes.truncated, true);
    const forward = searchForward('a', (x) =>
      Object.values(edges)
        .flat()
        .filter((s) => s.from === x),
    );
    assert.deepEqual([...forward.paths.keys()].sort(), ['b', 'c', 'd']);
  });
});
