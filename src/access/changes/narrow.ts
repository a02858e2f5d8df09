/**
 * Principal groups narrowed to the changed statements' actions (accessChanges step 3a).
 *
 * Only the actions a changed statement names are evaluated for a principal whose own context did
 * not change, and a statement whose Action matches none of them takes no part in those decisions
 * ("Policy evaluation logic": a statement that does not match the action is not considered). So
 * of a principal's identity policies only those with a statement that may match one of the
 * actions count (by id and text: the explanation names them); its boundary and SCP levels count
 * whole (a boundary or SCP level that matches nothing denies). What the others bring is their
 * Resource patterns, evaluated where a changed statement may match them: those are in the key.
 * Principals with equal keys decide alike on every question the diff asks them.
 *
 * A NotAction change counts the actions of the services its Resource names (the only ones it is
 * evaluated for: notActionReach). No narrowed key (the caller keys the group by every policy)
 * when a changed statement names an action the catalog does not know (a wildcard in another
 * statement may match it beyond the catalog's expansion) or a NotAction Resource that does not
 * name its service, or when a counted policy reads who the principal is (aws:username, policy
 * variables), or a pattern the key would carry holds policy variables.
 */
import type { ModelPrincipal } from '../../store/account-model.js';
import { actionNames, expandEntry, isCatalogAction, mayMatch, notActionReach, numbersOf, type StatementCache, type StatementFacts } from './statements.js';

interface ChangeSet {
  id: number;
  statements: StatementFacts[];
  /** Per action number: 1 for an action a changed statement may be evaluated for. */
  marks: Uint8Array;
  /** The services a NotAction change may be evaluated on (null: it has none). */
  notServices: Set<string> | null;
  /** Per Action entry, per document, per pattern: memos of the questions below. */
  entries: Map<string, boolean>;
  relevant: Map<string, boolean>;
  matched: Map<string, boolean>;
}

export class NarrowKeys {
  private readonly changeSets = new Map<string, ChangeSet | null>();
  private readonly statementIds = new Map<StatementFacts, number>();

  /**
   * @param textId a number per document text (the diff's), naming a counted policy's text
   * @param readsIdentity whether a document reads what tells principals alike apart
   */
  constructor(
    private readonly statements: StatementCache,
    private readonly textId: (text: string | null | undefined) => number,
    private readonly readsIdentity: (text: string) => boolean,
  ) {}

  /**
   * The group key of a principal (before and after) whose changed statements are `changed`;
   * `scps` names its SCP levels in each state. Null: key it by every policy.
   */
  key(changed: StatementFacts[], pb: ModelPrincipal, pa: ModelPrincipal, scps: [number, number]): string | null {
    const c = this.changeSetOf(changed);
    if (c === null) return null;
    const extra = new Set<string>();
    let personal = false;
    const side = (p: ModelPrincipal, scp: number) => {
      let out = '';
      for (const x of p.policies) {
        if (this.relevantTo(c, x.document)) {
          if (this.readsIdentity(x.document)) personal = true;
          out += `${x.id}=${this.textId(x.document)},`;
        } else for (const st of this.statements.of(x.document)) for (const q of st.patterns) if (this.matchedByChange(c, q)) extra.add(q);
      }
      const boundary = p.permissionsBoundary;
      if (boundary?.document && this.readsIdentity(boundary.document)) personal = true;
      return `${out}|${boundary ? `${boundary.arn}=${this.textId(boundary.document)}` : ''}|${scp}`;
    };
    const sides = `${side(pb, scps[0])}|${side(pa, scps[1])}`;
    // A pattern with policy variables is evaluated with the principal's own values.
    if (personal || [...extra].some((q) => q.includes('${'))) return null;
    const tags = (p: ModelPrincipal) => JSON.stringify(Object.entries(p.tags).sort());
    return `narrow|${c.id}|${pa.type}|${pa.accountId}|${pb.accountId}|${tags(pb)}|${tags(pa)}|${sides}|${[...extra].sort().join('\u0000')}`;
  }

  private statementId(st: StatementFacts): number {
    let id = this.statementIds.get(st);
    if (id === undefined) this.statementIds.set(st, (id = this.statementIds.size));
    return id;
  }

  private changeSetOf(list: StatementFacts[]): ChangeSet | null {
    const distinct = [...new Set(list)];
    const key = distinct
      .map((st) => this.statementId(st))
      .sort((x, y) => x - y)
      .join(',');
    let c = this.changeSets.get(key);
    if (c !== undefined) return c;
    c = null;
    const lists: string[][] = [];
    for (const st of distinct) {
      const list = st.entries !== null ? (st.actions!.every(isCatalogAction) ? st.actions! : null) : notActionReach(st);
      if (list === null) break;
      lists.push(list);
    }
    if (lists.length === distinct.length) {
      const marks = new Uint8Array(actionNames.length);
      for (const list of lists.map(numbersOf)) for (let i = 0; i < list.length; i++) marks[list[i]] = 1;
      const notStatements = distinct.filter((st) => st.entries === null);
      const notServices = notStatements.length === 0 ? null : new Set(notStatements.flatMap((st) => st.resources!.map((r) => r.split(':')[2].toLowerCase())));
      c = { id: this.changeSets.size, statements: distinct, marks, notServices, entries: new Map(), relevant: new Map(), matched: new Map() };
    }
    this.changeSets.set(key, c);
    return c;
  }

  /** May one of the document's statements match an action evaluated for the change set? A NotAction statement counts. */
  private relevantTo(c: ChangeSet, text: string): boolean {
    let r = c.relevant.get(text);
    if (r === undefined) {
      r = this.statements.of(text).some((st) => st.entries === null || st.entries.some((e) => this.entryRelevant(c, e)));
      c.relevant.set(text, r);
    }
    return r;
  }

  /**
   * Does an Action entry count? A literal the catalog does not know does (an evaluated NotAction
   * action may be such a name), as does a wildcard that may match one of a NotAction change's
   * services beyond the catalog; otherwise its catalog expansion must hold a marked action.
   */
  private entryRelevant(c: ChangeSet, entry: string): boolean {
    let r = c.entries.get(entry);
    if (r === undefined) {
      const wild = /[*?]/.test(entry);
      const service = entry.split(':')[0];
      if (!wild && !isCatalogAction(expandEntry(entry)[0])) r = true;
      else if (wild && c.notServices !== null && (/[*?]/.test(service) || c.notServices.has(service.toLowerCase()))) r = true;
      else {
        const numbers = numbersOf(expandEntry(entry));
        r = false;
        for (let i = 0; i < numbers.length && !r; i++) if (numbers[i] < c.marks.length && c.marks[numbers[i]] === 1) r = true;
      }
      c.entries.set(entry, r);
    }
    return r;
  }

  private matchedByChange(c: ChangeSet, pattern: string): boolean {
    let r = c.matched.get(pattern);
    if (r === undefined) c.matched.set(pattern, (r = c.statements.some((st) => mayMatch(st, pattern))));
    return r;
  }
}
