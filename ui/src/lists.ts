/** Browsing lists for the explorer: principals, policies, and the imports (snapshots). */
import { html, nothing, type PropertyValues } from 'lit';
import { AccessqlElement, debounce } from './base.js';

interface Page<T> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: T }[];
}

abstract class ListView<T> extends AccessqlElement {
  static properties = { ...AccessqlElement.properties, filterText: { type: String, attribute: 'filter-text' }, items: { state: true }, page: { state: true } };
  declare filterText: string;
  declare items: T[];
  declare page: Omit<Page<T>, 'edges'> | undefined;
  protected pageSize = 50;

  constructor() {
    super();
    this.filterText = '';
    this.items = [];
  }

  protected abstract fetchPage(after: string | null): Promise<Page<T>>;

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['filterText'])) void this.load(null);
  }

  protected async load(after: string | null): Promise<void> {
    const page = await this.request(() => this.fetchPage(after));
    if (!page) return;
    const { edges, ...rest } = page;
    this.items = after ? [...this.items, ...edges.map((e) => e.node)] : edges.map((e) => e.node);
    this.page = rest;
  }

  protected readonly onFilter = debounce((value: string) => {
    this.filterText = value;
    this.announce({ filter: value });
  }, 250);

  protected renderMore() {
    return this.page?.pageInfo.hasNextPage
      ? html`<button class="secondary more" @click=${() => this.load(this.page!.pageInfo.endCursor)}>
          Next ${this.pageSize} (${this.items.length} of ${this.page.totalCount} shown)
        </button>`
      : nothing;
  }

  protected renderFilter(placeholder: string) {
    return html`<div class="controls">
      <label
        >Name contains
        <input type="search" placeholder=${placeholder} .value=${this.filterText} @input=${(e: Event) => this.onFilter((e.target as HTMLInputElement).value)} />
      </label>
      ${this.page ? html`<span class="muted">${this.page.totalCount} found</span>` : nothing}
    </div>`;
  }
}

interface PrincipalRow {
  arn: string;
  name: string;
  type: string;
  accountId: string;
  groups: { name: string }[];
}

export class AccessqlPrincipalList extends ListView<PrincipalRow> {
  protected async fetchPage(after: string | null): Promise<Page<PrincipalRow>> {
    const d = await this.query<{ principals: Page<PrincipalRow> }>(
      `query AccessqlPrincipals($filter: PrincipalFilterInput, $first: Int, $after: String) {
        principals(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { arn name type accountId groups { name } } } }
      }`,
      { filter: this.filterText ? { nameContains: this.filterText } : null, first: this.pageSize, after },
    );
    return d.principals;
  }

  render() {
    return html`${this.renderFilter('erin')} ${this.renderStatus()}
      <table class="list">
        <thead>
          <tr>
            <th>Principal</th>
            <th>Type</th>
            <th>Account</th>
            <th>Groups</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (p) =>
              html`<tr>
                <td>${this.principalLink(p.arn)}</td>
                <td>${p.type}</td>
                <td>${p.accountId}</td>
                <td>${p.groups.map((g) => g.name).join(', ')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderMore()}`;
  }
}

interface PolicyRow {
  id: string;
  name: string;
  kind: string;
  attachmentCount: number | null;
  owner: { name: string } | null;
}

export class AccessqlPolicyList extends ListView<PolicyRow> {
  protected async fetchPage(after: string | null): Promise<Page<PolicyRow>> {
    const d = await this.query<{ policies: Page<PolicyRow> }>(
      `query AccessqlPolicies($filter: PolicyFilterInput, $first: Int, $after: String) {
        policies(filter: $filter, first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name kind attachmentCount owner { name } } } }
      }`,
      { filter: this.filterText ? { nameContains: this.filterText } : null, first: this.pageSize, after },
    );
    return d.policies;
  }

  render() {
    return html`${this.renderFilter('Connect')} ${this.renderStatus()}
      <table class="list">
        <thead>
          <tr>
            <th>Policy</th>
            <th>Kind</th>
            <th>Attachments / owner</th>
          </tr>
        </thead>
        <tbody>
          ${this.items.map(
            (p) =>
              html`<tr>
                <td>${this.policyLink(p.id, p.name)}</td>
                <td>${p.kind}</td>
                <td>${p.owner ? p.owner.name : (p.attachmentCount ?? '')}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${this.renderMore()}`;
  }
}
