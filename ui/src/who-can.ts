/**
 * <accessql-who-can endpoint action resource>: the whoCan question as a form and its answer as a
 * table (principal, decision, conditional, missing context keys, the statements that grant),
 * page by page. With both attributes set it answers at once: a dashboard panel.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { AccessqlElement, debounce } from './base.js';
import {
  contextInput,
  renderContextEditor,
  renderDecision,
  renderMissingKeys,
  renderNextPage,
  renderResourceField,
  withPage,
  renderStatements,
  type ContextEntry,
  type MatchedStatement,
  type PageInfo,
} from './access-parts.js';
import { suggestActions, suggestResources } from './suggest.js';
import { whoCanRequest } from './who-can-query.js';
import { FIRST_PAGE_SIZE, takeEarlyAnswer } from './early-answer.js';

interface AccessRow {
  principal: { arn: string; name: string; type: string; accountId: string };
  decision: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: MatchedStatement[];
  /** With transitive: the sts:AssumeRole chain to an allowed principal (empty when allowed itself). */
  path?: { kind: string; from: string; to: string; actions: string[] }[];
}

interface WhoCanAnswer {
  totalCount: number;
  evaluatedResource: string;
  evaluatedResourceType: string | null;
  pageInfo: PageInfo;
  edges: { node: AccessRow }[];
}

export class AccessqlWhoCan extends AccessqlElement {
  static properties = {
    ...AccessqlElement.properties,
    action: { type: String },
    resource: { type: String },
    includeConditional: { type: Boolean, attribute: 'include-conditional' },
    transitive: { type: Boolean },
    pageSize: { type: Number, attribute: 'page-size' },
    context: { attribute: false },
    rows: { state: true },
    answer: { state: true },
    actionOptions: { state: true },
    resourceOptions: { state: true },
  };

  declare action: string;
  declare resource: string;
  declare includeConditional: boolean;
  declare transitive: boolean;
  declare pageSize: number;
  /** Context entries (key, comma-separated values). */
  declare context: ContextEntry[];
  declare rows: AccessRow[];
  declare answer: Omit<WhoCanAnswer, 'edges'> | undefined;
  declare actionOptions: { name: string; accessLevel: string }[];
  declare resourceOptions: { arn: string; resourceType: string | null }[];

  constructor() {
    super();
    this.action = '';
    this.resource = '';
    this.includeConditional = false;
    this.transitive = false;
    this.pageSize = FIRST_PAGE_SIZE;
    this.context = [];
    this.rows = [];
    this.actionOptions = [];
    this.resourceOptions = [];
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['action', 'resource', 'includeConditional', 'transitive']) && this.action && this.resource) void this.run();
  }

  private async run(after?: string): Promise<void> {
    const answer = await this.request(async (features) => {
      // Only a transitive question needs to know the argument exists; the others go out at once.
      const transitive = this.transitive && (await features()).hasArg('Query', 'whoCan', 'transitive');
      const { query, variables } = whoCanRequest({
        action: this.action,
        resource: this.resource,
        context: contextInput(this.context),
        includeConditional: this.includeConditional,
        transitive,
        first: this.pageSize,
        after,
      });
      // The page's first question may already be on its way (early.ts).
      const early = after ? undefined : takeEarlyAnswer<{ whoCan: WhoCanAnswer }>(this.api.url, this.api.token, query, variables);
      const data = await (early ?? this.query<{ whoCan: WhoCanAnswer }>(query, variables));
      return data.whoCan;
    });
    if (!answer) return;
    const { edges, ...rest } = answer;
    this.rows = withPage(this.rows, edges, after);
    this.answer = rest;
    if (!after) {
      this.announce({ view: 'who-can', action: this.action, resource: this.resource, includeConditional: this.includeConditional });
      // When the answer is on screen, for pages (and tests) that measure time to first answer.
      await this.updateComplete;
      performance.mark('accessql:who-can-answer');
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const action = String(data.get('action') ?? '').trim();
    const resource = String(data.get('resource') ?? '').trim();
    const includeConditional = data.get('includeConditional') === 'on';
    const transitive = data.get('transitive') === 'on';
    const same = action === this.action && resource === this.resource && includeConditional === this.includeConditional && transitive === this.transitive;
    this.action = action;
    this.resource = resource;
    this.includeConditional = includeConditional;
    this.transitive = transitive;
    // Same question (new context entries, or asked again): updated() sees no change, so ask here.
    if (same && action && resource) void this.run();
  }

  private readonly onActionInput = debounce(async (value: string) => {
    this.actionOptions = await suggestActions(this.api, value);
  });

  private readonly onResourceInput = debounce(async (value: string) => {
    this.resourceOptions = await suggestResources(this.api, value);
  });

  render() {
    const transitiveOffered = this.features?.hasArg('Query', 'whoCan', 'transitive') ?? false;
    return html`
      <form @submit=${this.submit} part="form">
        <label
          >Action
          <input
            name="action"
            class="action"
            list="actions"
            autocomplete="off"
            placeholder="connect:StartContactRecording"
            .value=${this.action}
            @input=${(e: Event) => this.onActionInput((e.target as HTMLInputElement).value)}
          />
          <datalist id="actions">${this.actionOptions.map((a) => html`<option value=${a.name}>${a.accessLevel}</option>`)}</datalist>
        </label>
        ${renderResourceField(this.resource, this.resourceOptions, this.onResourceInput)}
        <label class="inline"><input type="checkbox" name="includeConditional" .checked=${this.includeConditional} /> include conditional</label>
        ${
          transitiveOffered
            ? html`<label class="inline"><input type="checkbox" name="transitive" .checked=${this.transitive} /> through roles they can assume</label>`
            : nothing
        }
        <button type="submit">Who can?</button>
        ${renderContextEditor(this.context, (c) => (this.context = c))}
      </form>
      ${this.renderStatus()} ${this.answer ? this.renderAnswer(this.answer) : nothing}
    `;
  }

  private renderAnswer(answer: Omit<WhoCanAnswer, 'edges'>) {
    return html`<p class="summary" data-total=${answer.totalCount}>
        <strong>${answer.totalCount}</strong> principal${answer.totalCount === 1 ? '' : 's'} can
        <code>${this.action}</code>${answer.evaluatedResourceType ? html` on its <strong>${answer.evaluatedResourceType}</strong> resources` : ''}
        (<code>${answer.evaluatedResource}</code>)
      </p>
      <table class="answer">
        <thead>
          <tr>
            <th>Principal</th>
            <th>Type</th>
            <th>Decision</th>
            <th>Missing context keys</th>
            <th>Statements (policy · Sid · line)</th>
            ${this.rows.some((r) => r.path?.length) ? html`<th>Through</th>` : nothing}
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) =>
              html`<tr class="principal-row" data-arn=${r.principal.arn}>
                <td>${this.principalLink(r.principal.arn)}</td>
                <td>${r.principal.type}</td>
                <td>${renderDecision(r.decision, r.conditional)}</td>
                <td>${renderMissingKeys(r.missingContextKeys)}</td>
                <td>${renderStatements(r.matchedStatements)}</td>
                ${
                  this.rows.some((x) => x.path?.length)
                    ? html`<td class="through">
                        ${r.path?.length ? r.path.map((s) => html`→ <code>${s.actions.join(' + ') || s.kind}</code> ${this.principalLink(s.to)} `) : nothing}
                      </td>`
                    : nothing
                }
              </tr>`,
          )}
        </tbody>
      </table>
      ${renderNextPage(answer.pageInfo, this.rows.length, answer.totalCount, this.pageSize, (after) => this.run(after))}`;
  }
}
