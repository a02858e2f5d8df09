/**
 * The classes accessChanges evaluates once: actions alike for a principal (ActionClasses) and
 * resources alike for a principal and a set of actions (ResourceClasses). Each reads what the
 * evaluator reads of an action or a resource (engine/evaluate.ts, engine/statement.ts) and keys
 * the members by it, so one evaluation stands for the class.
 */
import type { RequestContext } from '../../engine/types.js';
import { statementsFor, type CompiledPolicy, type CompiledStatement } from '../../engine/compile.js';
import { rcpsApply, resourcePolicyRequired } from '../../engine/evaluate.js';
import { actionMatches } from '../../engine/statement.js';
import { matchArnPattern, prepareArn } from '../../engine/arn.js';
import { TRUE } from '../../engine/tri.js';
import { s3BucketOf } from '../../store/estate-model.js';
import type { AccessIndex } from '../access-index.js';

const EMPTY: RequestContext = new Map();

/**
 * Actions that decide alike. evaluate() reads the action only through (engine/evaluate.ts,
 * engine/statement.ts): which statements' Action / NotAction match it (actionMatches, on the
 * statements statementsFor gives for its service), whether RCPs apply to its service (rcpsApply),
 * whether the resource policy must allow by itself (resourcePolicyRequired: sts and kms) and
 * whether a role's trust policy is read (sts actions only). Two actions on the same request for
 * which all of these agree — over every policy of the principal on both states and the
 * resource's policy and RCPs on both — get the same EvaluationResult, so one action stands for
 * its class ("Policy evaluation logic": a statement that does not match the action is not
 * considered at all).
 */
export class ActionClasses {
  private readonly statementIds = new Map<CompiledStatement, number>();
  /** Per compiled policy: action (lower case) → the ids of its statements that match it. */
  private readonly matches = new Map<CompiledPolicy, Map<string, string>>();
  /** Statements the classes looked at (matcher calls), for benchmarks. */
  steps = 0;

  /**
   * @param shared Whether more than one principal group holds the policy: only then are its
   *   signatures kept (a policy of one group is asked each action once, through the group's own
   *   memo).
   */
  constructor(private readonly shared: (policy: CompiledPolicy) => boolean = () => true) {}

  private signatureIn(policy: CompiledPolicy, lower: string, service: string): string {
    let m = this.matches.get(policy);
    if (m === undefined && this.shared(policy)) this.matches.set(policy, (m = new Map()));
    let s = m?.get(lower);
    if (s === undefined) {
      s = '';
      for (const st of statementsFor(policy, service)) {
        this.steps++;
        if (!actionMatches(st, lower)) continue;
        let id = this.statementIds.get(st);
        if (id === undefined) this.statementIds.set(st, (id = this.statementIds.size));
        s += `${id},`;
      }
      m?.set(lower, s);
    }
    return s;
  }

  /** A per-principal memo of the signatures over its own policies (identity, boundary, SCPs; both states). */
  ownMemo(own: CompiledPolicy[]): OwnSignatures {
    return { policies: own, byService: new Map(), byAction: new Map(), ids: new Map() };
  }

  /** The principal's policies with a statement that may match an action of the service (the others match none of its actions). */
  private policiesWith(own: OwnSignatures, service: string): CompiledPolicy[] {
    let list = own.byService.get(service);
    if (list === undefined) own.byService.set(service, (list = own.policies.filter((p) => statementsFor(p, service).length > 0)));
    return list;
  }

  /**
   * The action's class over the principal's own policies and its service, as one number: the ids
   * of the statements that match it, policy by policy (ids are unique to a statement, so a policy
   * matching nothing adds nothing and is skipped), numbered per principal; and its service's number.
   */
  private ownClass(own: OwnSignatures, action: string): number {
    let packed = own.byAction.get(action);
    if (packed === undefined) {
      const { lower, service, sid } = this.named(action);
      let signature = '';
      for (const p of this.policiesWith(own, service)) signature += this.signatureIn(p, lower, service);
      let id = own.ids.get(signature);
      if (id === undefined) own.ids.set(signature, (id = own.ids.size));
      own.byAction.set(action, (packed = id * SERVICE_SLOTS + sid));
    }
    return packed;
  }
  private readonly services = new Map<string, number>();
  private readonly names = new Map<string, { lower: string; service: string; sid: number }>();
  /** An action's lower-case name, service and service number (every principal group asks about the same actions). */
  private named(action: string): { lower: string; service: string; sid: number } {
    let n = this.names.get(action);
    if (n === undefined) {
      const lower = action.toLowerCase();
      const colon = lower.indexOf(':');
      const service = colon < 0 ? lower : lower.slice(0, colon);
      let sid = this.services.get(service);
      if (sid === undefined) this.services.set(service, (sid = this.services.size));
      this.names.set(action, (n = { lower, service, sid }));
    }
    return n;
  }

  /**
   * The actions in classes (each in the given order), for one resource and the principal's
   * policies: the same own class, the same engine rules for their service (rcpsApply, sts,
   * resourcePolicyRequired on this resource) and the same statements of the resource's policy
   * and RCPs.
   */
  split(actions: Iterable<string>, resource: string, own: OwnSignatures, indexes: AccessIndex[]): string[][] {
    const policies = new Set<CompiledPolicy>();
    for (const index of indexes) {
      const v = index.view(resource);
      if (v.policy) policies.add(v.policy);
      for (const level of v.rcps ?? []) for (const p of level) policies.add(p);
    }
    const list = [...policies];
    /** Per service number: the number of its engine rules' outcome on this resource (0–7). */
    const rules: number[] = [];
    const out = new Map<number | string, string[]>();
    for (const action of actions) {
      const packed = this.ownClass(own, action);
      const sid = packed % SERVICE_SLOTS;
      let rule = rules[sid];
      if (rule === undefined) {
        const service = action.slice(0, Math.max(0, action.indexOf(':'))).toLowerCase();
        rules[sid] = rule = (rcpsApply(action, undefined) ? 4 : 0) + (service === 'sts' ? 2 : 0) + (resourcePolicyRequired(action, resource) ? 1 : 0);
      }
      let key: number | string = Math.floor(packed / SERVICE_SLOTS) * 8 + rule;
      if (list.length > 0) {
        const lower = action.toLowerCase();
        const colon = lower.indexOf(':');
        const service = colon < 0 ? lower : lower.slice(0, colon);
        let text = String(key);
        for (const p of list) text += `|${this.signatureIn(p, lower, service)}`;
        key = text;
      }
      const members = out.get(key);
      if (members) members.push(action);
      else out.set(key, [action]);
    }
    return [...out.values()];
  }
}

/** Room for service numbers in an action's packed own class (more services than the catalog has). */
const SERVICE_SLOTS = 1 << 16;

export interface OwnSignatures {
  policies: CompiledPolicy[];
  byService: Map<string, CompiledPolicy[]>;
  /** action → own class number × SERVICE_SLOTS + service number. */
  byAction: Map<string, number>;
  /** Statement-id signatures numbered for this principal. */
  ids: Map<string, number>;
}

/**
 * Resources (patterns used as a request's resource) alike for one principal and one set of
 * actions. evaluate() reads the resource only through (engine/evaluate.ts, engine/statement.ts,
 * AccessIndex view): whether each statement's Resource / NotResource entries match it — the
 * statements that match one of the actions, of the principal's policies on both states and of
 * the resource's policy and RCPs —, the request context it brings (its tags, its owner's
 * organization keys), its owner, its resource-based policy (by text: a copy of a trust policy on
 * another role decides alike) and RCP levels, and whether that policy must allow by itself
 * (resourcePolicyRequired). Two resources for which all of these agree get the same decision.
 * A resource whose entries hold policy variables is its own class.
 */
export class ResourceClasses {
  private readonly texts = new Map<string, number>();
  private readonly objects = new Map<object, number>();
  private readonly facts = new Map<AccessIndex, Map<string, string>>();
  /** Per list of a principal group's own policies (dropped with the group). */
  private readonly relevant = new WeakMap<CompiledPolicy[], Map<string, CompiledStatement[]>>();

  constructor(
    private readonly indexes: AccessIndex[],
    private readonly policies: Map<string, { document: string }>[],
  ) {}

  private id<K>(map: Map<K, number>, k: K): number {
    let id = map.get(k);
    if (id === undefined) map.set(k, (id = map.size + 1));
    return id;
  }

  /** What one state's estate says about the resource: owner, policy (text), RCP levels, context. */
  private factsIn(i: number, resource: string): string {
    const index = this.indexes[i];
    let m = this.facts.get(index);
    if (m === undefined) this.facts.set(index, (m = new Map()));
    let f = m.get(resource);
    if (f === undefined) {
      const v = index.view(resource);
      const bucket = s3BucketOf(resource);
      const text = this.policies[i].get(resource)?.document ?? (bucket !== undefined ? this.policies[i].get(bucket)?.document : undefined);
      const context = JSON.stringify([...v.context].map(([k, x]) => [k, x.type, x.values]));
      f = `${v.owner ?? '-'}/${v.isTrustPolicy ? 1 : 0}/${v.policy === null ? 0 : text === undefined ? `@${resource}` : this.id(this.texts, text)}/${v.rcps === null ? 0 : this.id(this.objects, v.rcps)}/${this.id(this.texts, context)}`;
      m.set(resource, f);
    }
    return f;
  }

  /** The statements of `policies` that match one of the actions, in a fixed order (memoised for the principal's own policies). */
  private statementsFor(policies: CompiledPolicy[], actions: Set<string>, actionsKey: string, memo: boolean): CompiledStatement[] {
    let m = memo ? this.relevant.get(policies) : undefined;
    if (memo && m === undefined) this.relevant.set(policies, (m = new Map()));
    let out = m?.get(actionsKey);
    if (out === undefined) {
      // Policy by policy (each policy's part kept for every principal holding it).
      const set = new Set<CompiledStatement>();
      for (const p of policies) for (const st of this.statementsOf(p, actions, actionsKey)) set.add(st);
      out = [...set];
      m?.set(actionsKey, out);
    }
    return out;
  }

  private readonly byPolicy = new WeakMap<CompiledPolicy, Map<string, CompiledStatement[]>>();
  /** The statements of one policy that match one of the actions (in the actions' order). */
  private statementsOf(policy: CompiledPolicy, actions: Set<string>, actionsKey: string): CompiledStatement[] {
    let m = this.byPolicy.get(policy);
    if (m === undefined) this.byPolicy.set(policy, (m = new Map()));
    let out = m.get(actionsKey);
    if (out === undefined) {
      // Service by service: a statement is in when it matches one of that service's actions.
      const set = new Set<CompiledStatement>();
      for (const [service, lowers] of this.byService(actions, actionsKey))
        for (const st of statementsFor(policy, service)) if (!set.has(st) && lowers.some((lower) => actionMatches(st, lower))) set.add(st);
      out = [...set];
      if (m.size > 1000) m.clear();
      m.set(actionsKey, out);
    }
    return out;
  }

  private readonly actionsByService = new Map<string, Map<string, string[]>>();
  /** A set of actions in lower case by service (per set: many principals and policies ask about the same one). */
  private byService(actions: Set<string>, actionsKey: string): Map<string, string[]> {
    let out = this.actionsByService.get(actionsKey);
    if (out === undefined) {
      out = new Map();
      for (const a of actions) {
        const lower = a.toLowerCase();
        const colon = lower.indexOf(':');
        const service = colon < 0 ? lower : lower.slice(0, colon);
        const list = out.get(service);
        if (list) list.push(lower);
        else out.set(service, [lower]);
      }
      if (this.actionsByService.size > 10_000) this.actionsByService.clear();
      this.actionsByService.set(actionsKey, out);
    }
    return out;
  }

  /** The key's part that does not depend on the principal: the estate's facts and its policies' statement matches (cached). */
  private readonly shared = new Map<string, Map<string, string | null>>();
  private sharedSize = 0;
  private sharedPart(resource: string, actions: Set<string>, actionsKey: string): string | null {
    let byActions = this.shared.get(resource);
    if (byActions === undefined) this.shared.set(resource, (byActions = new Map()));
    let key = byActions.get(actionsKey);
    if (key !== undefined) return key;
    key = `${actionsKey}|${resourcePolicyRequired('sts:x', resource) ? 1 : 0}${resourcePolicyRequired('kms:x', resource) ? 1 : 0}`;
    for (let i = 0; i < this.indexes.length; i++) key += `|${this.factsIn(i, resource)}`;
    for (const index of this.indexes) {
      const v = index.view(resource);
      const layer = [...(v.policy ? [v.policy] : []), ...(v.rcps ?? []).flat()];
      if (layer.length === 0) continue;
      const part = vector(this.statementsFor(layer, actions, actionsKey, false), prepareArn(resource));
      if (part === null) {
        key = null;
        break;
      }
      key += `|${part}`;
    }
    if (++this.sharedSize > 200_000) {
      this.shared.clear();
      this.sharedSize = 0;
      this.shared.set(resource, (byActions = new Map()));
    }
    byActions.set(actionsKey, key);
    return key;
  }

  /** `actionsKey` names the set of actions (equal keys: equal sets). */
  key(resource: string, actions: Set<string>, actionsKey: string, own: CompiledPolicy[]): string {
    if (resource.includes('${')) return `=${resource}`;
    const shared = this.sharedPart(resource, actions, actionsKey);
    if (shared === null) return `=${resource}`;
    const mine = vector(this.statementsFor(own, actions, actionsKey, true), prepareArn(resource));
    return mine === null ? `=${resource}` : `${shared}|${mine}`;
  }
}

/** Which Resource / NotResource entries of the statements match the resource, as text; null when one holds policy variables. */
function vector(list: CompiledStatement[], arn: ReturnType<typeof prepareArn>): string | null {
  let key = '';
  for (const st of list) {
    if (st.resources === null) {
      key += 'n';
      continue;
    }
    for (const r of st.resources) {
      if (r.kind === 'all') key += '1';
      else if (r.compiled === null) return null;
      else key += matchArnPattern(r, arn, EMPTY, null) === TRUE ? '1' : '0';
    }
    key += ';';
  }
  return key;
}
