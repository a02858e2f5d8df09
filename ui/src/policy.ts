/**
 * <accessql-policy endpoint policy-id>: a policy's document with line numbers, the lines its
 * statements start on, and — when the server's schema has Policy.findings — each finding
 * highlighted at its line.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import { AccessqlElement } from './base.js';
import { pickFields } from './gql.js';

interface Finding {
  findingType?: string;
  code?: string;
  issueCode?: string;
  message?: string;
  line?: number | null;
  column?: number | null;
}

interface PolicyData {
  id: string;
  name: string;
  arn: string | null;
  kind: string;
  description: string | null;
  defaultVersionId: string | null;
  stub: boolean;
  document: string | null;
  owner: { kind: string; arn: string; name: string } | null;
  versions: { versionId: string; isDefault: boolean }[];
  statements: { index: number; sid: string | null; effect: string | null; line: number | null }[];
  attachedTo: {
    totalCount: number;
    edges: { node: { kind: string; arn: string; name: string } }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  findings?: Finding[];
}

const documentStyles = css`
  .doc {
    border: 1px solid var(--line);
    border-radius: 4px;
    overflow-x: auto;
    background: #fbfcfd;
  }
  .line {
    display: flex;
    gap: 0.75rem;
    white-space: pre;
  }
  .line .n {
    min-width: 3ch;
    text-align: right;
    color: var(--muted);
    user-select: none;
    padding: 0 0.4rem;
    background: #f0f2f5;
    font-family: ui-monospace, Menlo, Consolas, monospace;
    font-size: 0.85em;
  }
  .line code {
    word-break: normal;
  }
  .line.has-finding {
    background: #fff1c2;
  }
  .line.has-finding .n {
    background: #f5c542;
    color: #3d2c00;
  }
  .note {
    color: #6b4e00;
    font-size: 0.8rem;
  }
  .sid {
    font-size: 0.8rem;
  }
  li.finding.ERROR .badge {
    background: #fdecec;
    color: #a4161a;
  }
  li.finding.SECURITY_WARNING .badge,
  li.finding.WARNING .badge {
    background: #fff4d6;
  }
`;

export class AccessqlPolicy extends AccessqlElement {
  static styles = [...AccessqlElement.styles, documentStyles];
  static properties = {
    ...AccessqlElement.properties,
    policyId: { type: String, attribute: 'policy-id' },
    data: { state: true },
    missing: { state: true },
    holders: { state: true },
  };

  declare policyId: string;
  declare data: PolicyData | undefined;
  declare missing: boolean;
  declare holders: { kind: string; arn: string; name: string }[];

  constructor() {
    super();
    this.policyId = '';
    this.missing = false;
    this.holders = [];
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['policyId']) && this.policyId) void this.load();
  }

  private async load(after?: string): Promise<void> {
    const result = await this.request(async (featuresLoading) => {
      const features = await featuresLoading();
      const findingFields = features.has('Policy', 'findings')
        ? pickFields(features, 'Finding', ['findingType', 'code', 'issueCode', 'message', 'line', 'column'])
        : [];
      const d = await this.query<{ policy: PolicyData | null }>(
        `query AccessqlPolicy($id: String!, $after: String) {
          policy(id: $id) {
            id name arn kind description defaultVersionId stub document
            owner { kind arn name }
            versions { versionId isDefault }
            statements { index sid effect line }
            attachedTo(first: 100, after: $after) { totalCount edges { node { kind arn name } } pageInfo { hasNextPage endCursor } }
            ${findingFields.length ? `findings { ${findingFields.join(' ')} }` : ''}
          }
        }`,
        { id: this.policyId.trim(), after: after ?? null },
      );
      return { policy: d.policy };
    });
    if (!result) return;
    this.missing = result.policy === null;
    this.data = result.policy ?? undefined;
    const page = result.policy?.attachedTo.edges.map((e) => e.node) ?? [];
    this.holders = after ? [...this.holders, ...page] : page;
  }

  render() {
    if (!this.policyId) return html`<p class="muted">No policy: set the <code>policy-id</code> attribute.</p>`;
    return html`${this.renderStatus()}
    ${this.missing ? html`<p class="error" role="alert">No stored policy has the id <code>${this.policyId}</code>.</p>` : nothing}
    ${this.data ? this.renderPolicy(this.data) : nothing}`;
  }

  private renderPolicy(p: PolicyData) {
    const findings = p.findings;
    const byLine = new Map<number, Finding[]>();
    for (const f of findings ?? []) if (f.line) byLine.set(f.line, [...(byLine.get(f.line) ?? []), f]);
    const statementAt = new Map(p.statements.filter((s) => s.line).map((s) => [s.line!, s]));
    const lines = (p.document ?? '').split('\n');
    return html`
      <h2><span class="badge">${p.kind}</span> ${p.name}</h2>
      ${p.arn ? html`<p class="arn">${p.arn}</p>` : nothing} ${p.description ? html`<p>${p.description}</p>` : nothing}
      ${p.owner ? html`<p>Inline in ${p.owner.kind.toLowerCase()} ${p.owner.kind === 'GROUP' ? p.owner.name : this.principalLink(p.owner.arn)}</p>` : nothing}
      ${
        p.versions.length > 1
          ? html`<p class="muted">Versions: ${p.versions.map((v) => html`<code>${v.versionId}${v.isDefault ? ' (default)' : ''}</code> `)}</p>`
          : nothing
      }
      ${p.stub ? html`<p class="muted">Known only by ARN (attached, but no import carried its document).</p>` : nothing}
      ${
        findings === undefined
          ? html`<p class="muted findings-absent">This server does not report findings for stored policies (its schema has no Policy.findings).</p>`
          : findings.length === 0
            ? html`<p class="findings-none">No findings.</p>`
            : html`<h3>Findings</h3>
                <ul class="findings">
                  ${findings.map(
                    (f) =>
                      html`<li class="finding ${f.findingType ?? ''}">
                        <span class="badge">${f.findingType ?? ''}</span> <code>${f.code ?? f.issueCode ?? ''}</code> ${f.message ?? ''}
                        ${f.line ? html`<a href="#" @click=${(e: Event) => this.jump(e, f.line!)}>line ${f.line}${f.column ? `:${f.column}` : ''}</a>` : nothing}
                      </li>`,
                  )}
                </ul>`
      }
      ${
        p.document !== null
          ? html`<h3>Document${p.defaultVersionId ? html` <span class="muted">(${p.defaultVersionId})</span>` : nothing}</h3>
              <div class="doc" role="table" aria-label="policy document">
                ${lines.map((text, i) => {
                  const n = i + 1;
                  const here = byLine.get(n);
                  const statement = statementAt.get(n);
                  return html`<div class="line ${here ? 'has-finding' : ''}" id="L${n}" data-line=${n} role="row">
                    <span class="n" role="cell">${n}</span><code role="cell">${text}</code>${
                      statement?.sid ? html`<span class="sid muted">Sid ${statement.sid}</span>` : nothing
                    }${here ? html`<span class="note">${here.map((f) => f.code ?? f.issueCode).join(', ')}</span>` : nothing}
                  </div>`;
                })}
              </div>`
          : nothing
      }
      ${
        p.kind !== 'INLINE'
          ? html`<h3>Attached to (${p.attachedTo.totalCount})</h3>
              <ul class="holders">
                ${this.holders.map((h) => html`<li>${h.kind.toLowerCase()} ${h.kind === 'GROUP' ? h.name : this.principalLink(h.arn)}</li>`)}
              </ul>
              ${
                p.attachedTo.pageInfo.hasNextPage
                  ? html`<button class="secondary more" @click=${() => this.load(p.attachedTo.pageInfo.endCursor ?? undefined)}>More</button>`
                  : nothing
              }`
          : nothing
      }
    `;
  }

  private jump(e: Event, line: number) {
    e.preventDefault();
    this.renderRoot.querySelector(`#L${line}`)?.scrollIntoView({ block: 'center' });
  }
}
