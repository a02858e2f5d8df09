/**
 * <accessql-what-can endpoint principal resource>: the actions a principal may perform on a
 * resource, with the statements that allow them, page by page.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { AccessqlElement, debounce } from './base.js';
import {
  STATEMENT_FIELDS,
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
import { suggestPrincipals, suggestResources } from './suggest.js';

interface ActionRow {
  action: string;
  decision: string;
  conditional: boolean;
  missingContextKeys: string[];
  matchedStatements: MatchedStatement[];
}

interface WhatCanAnswer {
  totalCount: number;
  resourceType: string;
  pageInfo: PageInfo;
  edges: { node: ActionRow }[];
}

export class AccessqlWhatCan extends AccessqlElement {
  static properties = {
    ...AccessqlElement.properties,
    principal: { type: String },
    resource: { type: String },
    includeConditional: { type: Boolean, attribute: 'include-conditional' },
    fixedPrincipal: { type: Boolean, attribute: 'fixed-principal' },
    pageSize: { type: Number, attribute: 'page-size' },
    context: { attribute: false },
    rows: { state: true },
    answer: { state: true },
    principalOptions: { state: true },
    resourceOptions: { state: true },
  };

  declare principal: string;
  declare resource: string;
  declare includeConditional: boolean;
  /** The principal page embeds this view for its own principal: no principal field then. */
  declare fixedPrincipal: boolean;
  declare pageSize: number;
  declare context: ContextEntry[];
  declare rows: ActionRow[];
  declare answer: Omit<WhatCanAnswer, 'edges'> | undefined;
  declare principalOptions: { arn: string; type: string }[];
  declare resourceOptions: { arn: string; resourceType: string | null }[];

  constructor() {
    super();
    this.principal = '';
    this.resource = '';
    this.includeConditional = false;
    this.fixedPrincipal = false;
    this.pageSize = 100;
    this.context = [];
    this.rows = [];
    this.principalOptions = [];
    this.resourceOptions = [];
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['principal', 'resource', 'includeConditional']) && this.principal && this.resource) void this.run();
  }

  private async run(after?: string): Promise<void> {
    const answer = await this.request(async () => {
      const data = await this.query<{ whatCan: WhatCanAnswer }>(
        `query AccessqlWhatCan($principalArn: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String) {
          whatCan(principalArn: $principalArn, resource: $resource, context: $context, includeConditional: $includeConditional, first: $first, after: $after) {
            totalCount resourceType
            pageInfo { hasNextPage endCursor }
            edges { node { action decision conditional missingContextKeys ${STATEMENT_FIELDS} } }
          }
        }`,
        {
          principalArn: this.principal.trim(),
          resource: this.resource.trim(),
          context: contextInput(this.context),
          includeConditional: this.includeConditional,
          first: this.pageSize,
          after: after ?? null,
        },
      );
      return data.whatCan;
    });
    if (!answer) return;
    const { edges, ...rest } = answer;
    this.rows = withPage(this.rows, edges, after);
    this.answer = rest;
    if (!after && !this.fixedPrincipal)
      this.announce({ view: 'what-can', principal: this.principal, resource: this.resource, includeConditional: this.includeConditional });
  }

  private submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const principal = this.fixedPrincipal ? this.principal : String(data.get('principal') ?? '').trim();
    const resource = String(data.get('resource') ?? '').trim();
    const includeConditional = data.get('includeConditional') === 'on';
    const same = principal === this.principal && resource === this.resource && includeConditional === this.includeConditional;
    this.principal = principal;
    this.resource = resource;
    this.includeConditional = includeConditional;
    if (same && principal && resource) void this.run();
  }

  private readonly onPrincipalInput = debounce(async (value: string) => {
    this.principalOptions = await suggestPrincipals(this.api, value);
  });

  private readonly onResourceInput = debounce(async (value: string) => {
    this.resourceOptions = await suggestResources(this.api, value);
  });

  render() {
    return html`
      <form @submit=${this.submit} part="form">
        ${
          this.fixedPrincipal
            ? nothing
            : html`<label
                >Principal ARN
                <input
                  name="principal"
                  class="principal wide"
                  list="principals"
                  autocomplete="off"
                  placeholder="arn:aws:iam::123456789012:user/…"
                  .value=${this.principal}
                  @input=${(e: Event) => this.onPrincipalInput((e.target as HTMLInputElement).value)}
                />
                <datalist id="principals">${this.principalOptions.map((p) => html`<option value=${p.arn}>${p.type}</option>`)}</datalist>
              </label>`
        }
        ${renderResourceField(this.resource, this.resourceOptions, this.onResourceInput)}
        <label class="inline"><input type="checkbox" name="includeConditional" .checked=${this.includeConditional} /> include conditional</label>
        <button type="submit">What can?</button>
        ${renderContextEditor(this.context, (c) => (this.context = c))}
      </form>
      ${this.renderStatus()} ${this.answer ? this.renderAnswer(this.answer) : nothing}
    `;
  }

  private renderAnswer(answer: Omit<WhatCanAnswer, 'edges'>) {
    return html`<p class="summary" data-total=${answer.totalCount}>
        <strong>${answer.totalCount}</strong> action${answer.totalCount === 1 ? '' : 's'} on this <strong>${answer.resourceType}</strong>
      </p>
      <table class="answer">
        <thead>
          <tr>
            <th>Action</th>
            <th>Decision</th>
            <th>Missing context keys</th>
            <th>Statements (policy · Sid · line)</th>
          </tr>
        </thead>
        <tbody>
          ${this.rows.map(
            (r) =>
              html`<tr class="action-row" data-action=${r.action}>
                <td><code>${r.action}</code></td>
                <td>${renderDecision(r.decision, r.conditional)}</td>
                <td>${renderMissingKeys(r.missingContextKeys)}</td>
                <td>${renderStatements(r.matchedStatements)}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${renderNextPage(answer.pageInfo, this.rows.length, answer.totalCount, this.pageSize, (after) => this.run(after))}`;
  }
}
