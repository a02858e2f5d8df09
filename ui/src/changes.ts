/**
 * <accessql-changes endpoint from to>: who gained or lost which access between two snapshots
 * (`accessChanges(from, to, principalArn, action, resource, first, after)`, the contract's
 * names), a page at a time, with the recorded imports to choose from. A server without
 * accessChanges is told plainly and shows the imports it recorded.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { AccessqlElement } from './base.js';
import type { PageInfo } from './access-parts.js';

interface SnapshotRow {
  id: number;
  startedAt: string;
  label: string | null;
  files: string[];
}

interface AccessChange {
  principal: { arn: string; type: string };
  action: string;
  resource: string;
  change: 'GAINED' | 'LOST';
  before: string;
  after: string;
}

interface ChangePage {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: AccessChange }[];
}

const CHANGES_QUERY = `query AccessqlChanges($from: Int!, $to: Int, $principalArn: String, $action: String, $resource: String, $first: Int, $after: String) {
  accessChanges(from: $from, to: $to, principalArn: $principalArn, action: $action, resource: $resource, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { principal { arn type } action resource change before after } }
  }
}`;

export class AccessqlChanges extends AccessqlElement {
  static properties = {
    ...AccessqlElement.properties,
    from: { type: Number },
    to: { type: Number },
    principalArn: { type: String, attribute: 'principal' },
    action: { type: String },
    resource: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    snapshots: { state: true },
    rows: { state: true },
    page: { state: true },
    offered: { state: true },
  };

  /** Snapshot A; default: the one before the latest. */
  declare from: number | undefined;
  /** Snapshot B; default: the latest. */
  declare to: number | undefined;
  declare principalArn: string;
  declare action: string;
  declare resource: string;
  declare pageSize: number;
  declare snapshots: SnapshotRow[] | undefined;
  declare rows: AccessChange[];
  declare page: Omit<ChangePage, 'edges'> | undefined;
  declare offered: boolean | undefined;

  constructor() {
    super();
    this.principalArn = '';
    this.action = '';
    this.resource = '';
    this.pageSize = 50;
    this.rows = [];
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['from', 'to', 'principalArn', 'action', 'resource'])) void this.load();
  }

  private async load(after?: string): Promise<void> {
    const result = await this.request(async (featuresLoading) => {
      const [features, imports] = await Promise.all([
        featuresLoading(),
        this.snapshots && after
          ? Promise.resolve({ imports: this.snapshots })
          : this.query<{ imports: SnapshotRow[] }>('query AccessqlImports { imports { id startedAt label files } }'),
      ]);
      const offered = features.has('Query', 'accessChanges');
      const snapshots = imports.imports;
      // imports come newest first: compare the one before the latest with the latest unless told.
      const from = this.from ?? snapshots[1]?.id;
      if (!offered || from === undefined) return { offered, snapshots, from, changes: undefined };
      const blank = (s: string) => (s.trim() ? s.trim() : null);
      const d = await this.query<{ accessChanges: ChangePage }>(CHANGES_QUERY, {
        from,
        to: this.to ?? null,
        principalArn: blank(this.principalArn),
        action: blank(this.action),
        resource: blank(this.resource),
        first: this.pageSize,
        after: after ?? null,
      });
      return { offered, snapshots, from, changes: d.accessChanges };
    });
    if (!result) return;
    this.offered = result.offered;
    this.snapshots = result.snapshots;
    if (this.from === undefined && result.from !== undefined) this.from = result.from;
    if (result.changes) {
      const { edges, ...rest } = result.changes;
      this.rows = after ? [...this.rows, ...edges.map((e) => e.node)] : edges.map((e) => e.node);
      this.page = rest;
    } else {
      this.rows = [];
      this.page = undefined;
    }
  }

  private submit(e: Event) {
    e.preventDefault();
    const data = new FormData(e.target as HTMLFormElement);
    const num = (v: FormDataEntryValue | null) => (v === null || v === '' ? undefined : Number(v));
    this.from = num(data.get('from'));
    this.to = num(data.get('to'));
    this.principalArn = String(data.get('principal') ?? '');
    this.action = String(data.get('action') ?? '');
    this.resource = String(data.get('resource') ?? '');
    this.announce({ view: 'changes', from: this.from, to: this.to });
  }

  private snapshotOption(s: SnapshotRow, selected: number | undefined) {
    return html`<option value=${s.id} ?selected=${s.id === selected}>
      #${s.id} · ${s.startedAt.slice(0, 19).replace('T', ' ')}${s.label ? ` · ${s.label}` : ''}
    </option>`;
  }

  render() {
    const snapshots = this.snapshots ?? [];
    return html`${
        this.offered === false
          ? html`<p class="muted changes-absent">
              This server does not compare snapshots yet (its schema has no accessChanges); here are the imports it recorded.
            </p>`
          : html`<form class="controls" @submit=${this.submit} part="form">
              <label
                >From snapshot (A)
                <select name="from">
                  ${snapshots.map((s) => this.snapshotOption(s, this.from))}
                </select></label
              >
              <label
                >To snapshot (B)
                <select name="to">
                  <option value="" ?selected=${this.to === undefined}>the latest</option>
                  ${snapshots.map((s) => this.snapshotOption(s, this.to))}
                </select></label
              >
              <label>Principal <input name="principal" placeholder="arn:aws:iam::…" .value=${this.principalArn} /></label>
              <label>Action <input name="action" placeholder="connect:StartContactRecording" .value=${this.action} /></label>
              <label>Resource <input name="resource" placeholder="arn:aws:…" .value=${this.resource} /></label>
              <button type="submit">Compare</button>
            </form>`
      }
      ${this.renderStatus()} ${this.renderChanges()}
      <h4>Imports recorded</h4>
      ${
        snapshots.length
          ? html`<table class="list snapshots">
              <thead>
                <tr>
                  <th>Snapshot</th>
                  <th>Started</th>
                  <th>Label</th>
                  <th>Files</th>
                </tr>
              </thead>
              <tbody>
                ${snapshots.map(
                  (s) =>
                    html`<tr class="snapshot-row" data-id=${s.id}>
                      <td>${s.id}</td>
                      <td>${s.startedAt}</td>
                      <td>${s.label ?? ''}</td>
                      <td>${s.files.join(', ')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : nothing
      }`;
  }

  private renderChanges() {
    if (!this.offered) return nothing;
    if (this.from === undefined) return html`<p class="muted">One snapshot only: import again to compare.</p>`;
    const page = this.page;
    if (!page) return nothing;
    const gained = this.rows.filter((r) => r.change === 'GAINED').length;
    return html`<p class="summary" data-total=${page.totalCount}>
        <strong>${page.totalCount}</strong> change${page.totalCount === 1 ? '' : 's'} from snapshot ${this.from} to ${this.to ?? 'the latest'}
        ${this.rows.length ? html`<span class="muted">(shown: ${gained} gained, ${this.rows.length - gained} lost)</span>` : nothing}
      </p>
      ${
        this.rows.length
          ? html`<table class="answer changes">
              <thead>
                <tr>
                  <th>Change</th>
                  <th>Principal</th>
                  <th>Action</th>
                  <th>Resource</th>
                  <th>Before → after</th>
                </tr>
              </thead>
              <tbody>
                ${this.rows.map(
                  (r) =>
                    html`<tr class="change-row ${r.change}" data-arn=${r.principal.arn} data-change=${r.change}>
                      <td><span class="badge ${r.change === 'GAINED' ? 'ALLOWED' : 'EXPLICIT_DENY'}">${r.change}</span></td>
                      <td>${this.principalLink(r.principal.arn)}</td>
                      <td><code>${r.action}</code></td>
                      <td><code>${r.resource}</code></td>
                      <td>${r.before} → ${r.after}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">No access gained or lost.</p>`
      }
      ${
        page.pageInfo.hasNextPage
          ? html`<button class="secondary more" @click=${() => this.load(page.pageInfo.endCursor ?? undefined)}>
              Next ${this.pageSize} (${this.rows.length} of ${page.totalCount} shown)
            </button>`
          : nothing
      }`;
  }
}
