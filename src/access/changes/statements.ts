/**
 * Statements as the diff reads them: what of a statement decides (its key), the catalog actions
 * its Action entries cover, the resource patterns it names, and memos kept on it for every
 * principal group (and every later diff: documents are parsed once per process).
 */
import { parsePolicy } from '../../policy/parse.js';
import type { Statement } from '../../policy/types.js';
import { actionsOnResourceType, expandActionPattern, findAction, resourceTypesWithArnService } from '../../catalog/index.js';
import { compileGlob, compileGlobLower, type Matcher } from '../../util/wildcard.js';
import { byteBoundedCache, stringBytes } from '../../engine/memo.js';
import type { Applicability } from './applicability.js';

export interface StatementFacts {
  /** Expanded catalog actions (names as the catalog spells them; unknown literal actions as written); null for NotAction. */
  actions: string[] | null;
  /** NotAction entries, lower case matchers. */
  notActions: Matcher[] | null;
  /** Resource entries (null: NotResource, or no Resource element — may match anything). */
  resources: string[] | null;
  resourceMatchers: Matcher[] | null;
  /** Patterns this statement contributes to the resources evaluated. */
  patterns: string[];
  readsResourceTag: boolean;
  /** The statement as the evaluator reads it: equal keys decide alike. */
  key: string;
  /** The Action entries as written (null for NotAction). */
  entries: string[] | null;
  /** `actions` in lower case (filled on first need). */
  lowerActions?: string[];
  /** NotAction statements: per action number, 2 when the statement covers it, 1 when not, 0 not yet known. */
  notVerdict?: Uint8Array;
  /** Statements with an Action list: the actions each applicability rule admits (filled on need). */
  admitted?: Map<Applicability, string[]>;
  /** NotAction statements: the actions each resource type's rule admits that the statement covers. */
  notAdmitted?: Map<Applicability, string[]>;
  /** Per shared pattern list (an account's sts patterns): those the Resource may match, in list order. */
  matched?: WeakMap<string[], string[]>;
}

const expansionSets = new Map<string, Set<string>>();
/** Does one of the statement's Action entries cover the catalog action `name` (as expandEntry expands them)? */
export function entriesCover(entries: string[], name: string): boolean {
  for (const e of entries) {
    let set = expansionSets.get(e);
    if (set === undefined) {
      if (expansionSets.size > 50_000) expansionSets.clear();
      expansionSets.set(e, (set = new Set(expandEntry(e))));
    }
    if (set.has(name)) return true;
  }
  return false;
}

/** May an Action entry cover an sts action? */
export function mayCoverSts(entries: string[] | null): boolean {
  return entries === null || entries.some((e) => /^(sts|[^:]*[*?][^:]*):/i.test(e) || e === '*');
}

const actionExpansion = new Map<string, string[]>();
/** A statement's Action entries expanded, by the entries' text (policies repeat the same lists). */
const actionLists = new Map<string, string[]>();
function expandEntries(entries: string[]): string[] {
  if (entries.length === 1) return expandEntry(entries[0]);
  const key = entries.join('\u0000');
  let out = actionLists.get(key);
  if (out === undefined) {
    out = [...new Set(entries.flatMap(expandEntry))];
    if (actionLists.size > 60_000) actionLists.clear();
    actionLists.set(key, out);
  }
  return out;
}
/** Is the name one the catalog knows (as the catalog spells it)? */
export function isCatalogAction(name: string): boolean {
  return findAction(name)?.name === name;
}

export function expandEntry(entry: string): string[] {
  let out = actionExpansion.get(entry);
  if (out === undefined) {
    if (/[*?]/.test(entry)) out = [...new Set(expandActionPattern(entry).map((a) => a.name))];
    else out = [findAction(entry)?.name ?? entry];
    if (actionExpansion.size > 50_000) actionExpansion.clear();
    actionExpansion.set(entry, out);
  }
  return out;
}

function factsOf(st: Statement, version: string | undefined): StatementFacts | null {
  if (st.effect !== 'Allow' && st.effect !== 'Deny') return null;
  if (!st.action && !st.notAction) return null;
  // What the evaluator reads of a statement (engine/compile.ts): not its Sid or position; the
  // document's Version decides whether policy variables are read ("Policy variables").
  const key = JSON.stringify([
    version ?? null,
    st.effect,
    st.principal ?? null,
    st.notPrincipal ?? null,
    st.action ?? null,
    st.notAction ?? null,
    st.resource ?? null,
    st.notResource ?? null,
    st.conditions.map((c) => [c.operator, c.key, c.values, c.valueTypes ?? null]),
  ]);
  const entries = st.action ?? null;
  // Expanded on first read: most statements parsed here are never asked for their actions.
  let expanded: string[] | null | undefined = entries === null ? null : undefined;
  const notActions = st.notAction ? st.notAction.map((a) => compileGlobLower(a.toLowerCase())) : null;
  const resources = st.resource ?? null;
  const readsResourceTag =
    (st.conditions ?? []).some((c) => /aws:resourcetag\//i.test(c.key) || c.values.some((v) => /\$\{aws:resourcetag\//i.test(v))) ||
    (resources ?? []).some((r) => /\$\{aws:resourcetag\//i.test(r));
  return {
    key,
    get actions() {
      if (expanded === undefined) expanded = expandEntries(entries!);
      return expanded;
    },
    entries,
    notActions,
    resources,
    resourceMatchers: resources ? resources.map((r) => compileGlob(r)) : null,
    patterns: resources ?? ['*'],
    readsResourceTag,
  };
}

/**
 * Documents parsed by earlier diffs (the server answers many over mostly the same documents: a
 * what-if's latest state is every other what-if's): a statement's facts depend on its text only.
 * Bounded in bytes; emptied when the action numbers its NotAction verdicts use start again.
 */
const parsedDocuments = byteBoundedCache<StatementFacts[]>(64 * 1024 * 1024, (_v, text) => 3 * stringBytes(text));

/** Parsed statements of a document (lenient, as the index reads stored documents); [] when it cannot be read (the index lets it grant nothing). One object per text within a diff. */
export class StatementCache {
  private readonly byText = new Map<string, StatementFacts[]>();
  of(text: string | null | undefined): StatementFacts[] {
    if (!text) return [];
    let list = this.byText.get(text);
    if (list === undefined) {
      list = parsedDocuments.get(text);
      if (list === undefined) {
        try {
          const document = parsePolicy(text, { lenient: true }).document;
          list = document.statements.map((st) => factsOf(st, document.version)).filter((x): x is StatementFacts => x !== null);
        } catch {
          list = [];
        }
        parsedDocuments.set(text, list);
      }
      this.byText.set(text, list);
    }
    return list;
  }
}

/** May the statement's Resource match the pattern used as a request's resource? (variables: maybe). */
export function mayMatch(st: StatementFacts, pattern: string): boolean {
  if (st.resourceMatchers === null) return true;
  for (let i = 0; i < st.resourceMatchers.length; i++) {
    if (st.resources![i].includes('${') || st.resourceMatchers[i](pattern)) return true;
  }
  return false;
}

/**
 * The patterns of a shared list (one per account, thousands of roles) that the statement's
 * Resource may match: tested once per statement and list instead of once per principal group.
 */
export function matchedIn(st: StatementFacts, list: string[]): string[] {
  if (st.resourceMatchers === null) return list;
  const memo = (st.matched ??= new WeakMap());
  let out = memo.get(list);
  if (out === undefined) memo.set(list, (out = list.filter((x) => mayMatch(st, x))));
  return out;
}

/** Every action name the diff has met, numbered (so that sets of them are bytes, not Sets of strings). */
const actionNumbers = new Map<string, number>();
export const actionNames: string[] = [];
let numberedLists = new WeakMap<string[], Int32Array>();
/** Unknown action names (as written in policies) are numbered too: start again once there are many. */
export function boundActionNumbers(): void {
  if (actionNames.length < 200_000) return;
  parsedDocuments.clear();
  actionNumbers.clear();
  actionNames.length = 0;
  numberedLists = new WeakMap();
}
export function numbersOf(list: string[]): Int32Array {
  let out = numberedLists.get(list);
  if (out === undefined) {
    out = new Int32Array(list.length);
    for (let i = 0; i < list.length; i++) {
      let n = actionNumbers.get(list[i]);
      if (n === undefined) {
        n = actionNames.length;
        actionNames.push(list[i]);
        actionNumbers.set(list[i], n);
      }
      out[i] = n;
    }
    numberedLists.set(list, out);
  }
  return out;
}

/** The actions of a resource type's rule that a NotAction statement covers (kept on the statement, per rule). */
export function notActionAdmits(st: StatementFacts, rule: Applicability & { kind: 'type' }): string[] {
  const memo = (st.notAdmitted ??= new Map());
  let out = memo.get(rule);
  if (out === undefined) {
    out = rule.names.filter((a) => {
      const lower = a.toLowerCase();
      return !st.notActions!.some((m) => m(lower));
    });
    memo.set(rule, out);
  }
  return out;
}

/** The actions of the universe (a mark per action number) a statement's Action / NotAction covers. */
export function actionsOf(st: StatementFacts, universe: Uint8Array): string[] {
  if (st.actions !== null) return st.actions;
  // NotAction: the statement's verdict per action number, filled on first need (2: covered, 1: not).
  let verdict = (st.notVerdict ??= new Uint8Array(actionNames.length));
  if (verdict.length < universe.length) {
    const grown = new Uint8Array(actionNames.length);
    grown.set(verdict);
    st.notVerdict = verdict = grown;
  }
  const out: string[] = [];
  for (let i = 0; i < universe.length; i++) {
    if (universe[i] === 0) continue;
    if (verdict[i] === 0) {
      const lower = actionNames[i].toLowerCase();
      verdict[i] = st.notActions!.some((m) => m(lower)) ? 1 : 2;
    }
    if (verdict[i] === 2) out.push(actionNames[i]);
  }
  return out;
}

const reachByService = new Map<string, string[]>();
/**
 * The catalog actions a NotAction statement can be evaluated for: the diff evaluates an action
 * on a pattern only where it applies (applicability.ts: the actions on the pattern's resource
 * type, or its service's), and the statement's Resource may match only patterns of the services
 * its entries name. Null when an entry does not name its service literally (`*`, a wildcard or a
 * variable before the service field, NotResource): any action may be evaluated.
 */
export function notActionReach(st: StatementFacts): string[] | null {
  if (st.resources === null) return null;
  const services = new Set<string>();
  for (const r of st.resources) {
    const m = /^arn:[^:*?$]+:([^:*?$]+):/.exec(r);
    if (m === null || r.includes('${')) return null;
    services.add(m[1].toLowerCase());
  }
  const out: string[] = [];
  for (const service of services) {
    let reach = reachByService.get(service);
    if (reach === undefined) {
      const names = new Set(expandEntry(`${service}:*`));
      for (const type of resourceTypesWithArnService(service)) for (const e of actionsOnResourceType(type)) names.add(e.action.name);
      reachByService.set(service, (reach = [...names]));
    }
    for (const a of reach) {
      const lower = a.toLowerCase();
      if (!st.notActions!.some((m) => m(lower))) out.push(a);
    }
  }
  return out;
}
