/**
 * <accessql-paths endpoint arn>: access paths from a principal drawn as a graph (Cytoscape.js):
 * nodes are principals (and the groups or policies a step changes), edges are steps labelled with
 * the actions they need. It reads the contract's names — `Principal.reachableRoles` (the roles a
 * principal reaches through sts:AssumeRole chains, a page at a time) and `privilegeEscalations`
 * (its shortest path to administrator) — when the server's schema has them, learnt by
 * introspection; a server without them is told plainly. Without an `arn`, it lists every
 * principal that can escalate, a page at a time.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import type { Core } from 'cytoscape';
import { AccessqlElement } from './base.js';
import type { PageInfo } from './access-parts.js';

/** One AccessStep, as the contract names its fields. */
export interface AccessStep {
  kind: string;
  from: string;
  to: string;
  actions: string[];
  conditional: boolean;
  missingContextKeys: string[];
}

interface ReachableRole {
  role: { arn: string; type: string };
  path: AccessStep[];
}

interface Escalation {
  principal: { arn: string; type: string };
  reaches: string;
  conditional: boolean;
  path: AccessStep[];
}

interface Page<T> {
  totalCount: number;
  pageInfo: PageInfo;
  edges: { node: T }[];
}

export const STEP_FIELDS = 'path { kind from to actions conditional missingContextKeys }';

/** The short form of an ARN drawn on a node: `role/Admin`, `user/alice` (the account is in the table). */
export function shortArn(arn: string): string {
  const m = /^arn:[^:]*:[^:]*:[^:]*:[^:]*:(.+)$/.exec(arn);
  return m ? m[1] : arn;
}

/** The label of a step's edge: the actions it needs, else its kind. */
export function stepLabel(s: AccessStep): string {
  return s.actions.length ? s.actions.join(' + ') : s.kind;
}

/** Every distinct step of the paths (a step shared by several paths is drawn once). */
export function distinctSteps(paths: AccessStep[][]): AccessStep[] {
  const seen = new Map<string, AccessStep>();
  for (const path of paths) for (const s of path) seen.set(`${s.from}\u0000${s.to}\u0000${s.kind}`, seen.get(`${s.from}\u0000${s.to}\u0000${s.kind}`) ?? s);
  return [...seen.values()];
}

export class AccessqlPaths extends AccessqlElement {
  static styles = [
    ...AccessqlElement.styles,
    css`
      .graph {
        height: var(--accessql-graph-height, 380px);
        border: 1px solid var(--line);
        border-radius: 4px;
        background: #fbfcfd;
      }
      .escalation {
        border-left: 4px solid #b3261e;
        padding: 0.3rem 0.7rem;
        background: #fdf3f2;
      }
      .escalation.none {
        border-color: #135c2a;
        background: #f1f8f3;
      }
      ol.path {
        margin: 0.2rem 0;
        padding-left: 1.3rem;
      }
    `,
  ];

  static properties = {
    ...AccessqlElement.properties,
    arn: { type: String },
    pageSize: { type: Number, attribute: 'page-size' },
    offered: { state: true },
    reachable: { state: true },
    reachablePage: { state: true },
    escalation: { state: true },
    escalations: { state: true },
    escalationsPage: { state: true },
  };

  declare arn: string;
  declare pageSize: number;
  /** What the server answers; undefined until its schema is known. */
  declare offered: { reachableRoles: boolean; privilegeEscalations: boolean } | undefined;
  declare reachable: ReachableRole[];
  declare reachablePage: Omit<Page<ReachableRole>, 'edges'> | undefined;
  /** The principal's shortest path to administrator: null when it has none, undefined when not asked. */
  declare escalation: Escalation | null | undefined;
  /** Without an arn: every principal that can escalate, a page at a time. */
  declare escalations: Escalation[];
  declare escalationsPage: Omit<Page<Escalation>, 'edges'> | undefined;
  private cy: Core | undefined;
  private drawing = 0;

  constructor() {
    super();
    this.arn = '';
    this.pageSize = 50;
    this.reachable = [];
    this.escalations = [];
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['arn'])) void this.load();
    if (changed.has('reachable') || changed.has('escalation')) void this.draw();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cy?.destroy();
    this.cy = undefined;
  }

  private async load(after?: string): Promise<void> {
    const arn = this.arn.trim();
    const result = await this.request(async (featuresLoading) => {
      const features = await featuresLoading();
      const offered = { reachableRoles: features.has('Principal', 'reachableRoles'), privilegeEscalations: features.has('Query', 'privilegeEscalations') };
      if (!offered.reachableRoles && !offered.privilegeEscalations) return { offered };
      if (!arn) {
        if (!offered.privilegeEscalations) return { offered };
        const d = await this.query<{ privilegeEscalations: Page<Escalation> }>(
          `query AccessqlEscalations($first: Int, $after: String) {
            privilegeEscalations(first: $first, after: $after) {
              totalCount pageInfo { hasNextPage endCursor }
              edges { node { principal { arn type } reaches conditional ${STEP_FIELDS} } }
            }
          }`,
          { first: this.pageSize, after: after ?? null },
        );
        return { offered, escalations: d.privilegeEscalations };
      }
      // One request: the reachable roles (a page) and, on the first page, the escalation.
      const withEscalation = offered.privilegeEscalations && !after;
      const d = await this.query<{ principal: { reachableRoles?: Page<ReachableRole> } | null; privilegeEscalations?: Page<Escalation> }>(
        `query AccessqlPaths($arn: String!, $first: Int, $after: String) {
          principal(arn: $arn) {
            arn
            ${
              offered.reachableRoles
                ? `reachableRoles(first: $first, after: $after) {
                    totalCount pageInfo { hasNextPage endCursor }
                    edges { node { role { arn type } ${STEP_FIELDS} } }
                  }`
                : ''
            }
          }
          ${withEscalation ? `privilegeEscalations(principalArn: $arn, first: 1) { edges { node { principal { arn type } reaches conditional ${STEP_FIELDS} } } }` : ''}
        }`,
        { arn, first: this.pageSize, after: after ?? null },
      );
      if (!d.principal) throw new Error(`No stored user or role ${arn}`);
      return { offered, reachable: d.principal.reachableRoles, escalation: withEscalation ? (d.privilegeEscalations?.edges[0]?.node ?? null) : undefined };
    });
    if (!result) return;
    this.offered = result.offered;
    if ('escalations' in result && result.escalations) {
      const { edges, ...rest } = result.escalations;
      this.escalations = after ? [...this.escalations, ...edges.map((e) => e.node)] : edges.map((e) => e.node);
      this.escalationsPage = rest;
    }
    if ('reachable' in result) {
      const page = result.reachable;
      const rows = page ? page.edges.map((e) => e.node) : [];
      this.reachable = after ? [...this.reachable, ...rows] : rows;
      this.reachablePage = page ? { totalCount: page.totalCount, pageInfo: page.pageInfo } : undefined;
      if (!after) this.escalation = result.escalation;
    }
  }

  /** The steps drawn: every reachable role's chain and the escalation path. */
  get steps(): AccessStep[] {
    return distinctSteps([...this.reachable.map((r) => r.path), ...(this.escalation ? [this.escalation.path] : [])]);
  }

  /** Cytoscape.js is loaded when a graph is drawn: the explorer's other pages start without it. */
  private async draw(): Promise<void> {
    const mine = ++this.drawing;
    await this.updateComplete;
    const { default: cytoscape } = await import('cytoscape');
    // A later answer started its own drawing meanwhile: that one is drawn, not this.
    if (mine !== this.drawing) return;
    const container = this.renderRoot.querySelector<HTMLElement>('.graph');
    this.cy?.destroy();
    this.cy = undefined;
    if (!container || !this.arn) return;
    const steps = this.steps;
    const nodes = new Set<string>([this.arn]);
    for (const s of steps) nodes.add(s.from).add(s.to);
    const admin = this.escalation?.reaches;
    this.cy = cytoscape({
      container,
      elements: [
        ...[...nodes].map((id) => ({
          data: { id, label: shortArn(id) },
          classes: [id === this.arn ? 'root' : '', id === admin && id !== this.arn ? 'admin' : ''].join(' ').trim(),
        })),
        ...steps.map((s, i) => ({ data: { id: `e${i}`, source: s.from, target: s.to, label: stepLabel(s) }, classes: s.conditional ? 'conditional' : '' })),
      ],
      layout: { name: 'breadthfirst', directed: true, roots: [this.arn], padding: 20, spacingFactor: 1.1 },
      style: [
        {
          selector: 'node',
          style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#2457c5', width: 18, height: 18 },
        },
        { selector: 'node.root', style: { 'background-color': '#135c2a', width: 24, height: 24 } },
        { selector: 'node.admin', style: { 'background-color': '#b3261e', width: 24, height: 24 } },
        {
          selector: 'edge',
          style: {
            label: 'data(label)',
            'font-size': 9,
            'curve-style': 'bezier',
            'target-arrow-shape': 'triangle',
            'line-color': '#9aa6b8',
            'target-arrow-color': '#9aa6b8',
            'text-rotation': 'autorotate',
          },
        },
        { selector: 'edge.conditional', style: { 'line-style': 'dashed' } },
      ],
      userZoomingEnabled: true,
      wheelSensitivity: 0.3,
    });
    this.dispatchEvent(new CustomEvent('accessql-graph', { detail: { nodes: this.graphNodes }, bubbles: true, composed: true }));
  }

  /** The nodes drawn (principal, group or policy ARNs), for pages and tests that read the graph. */
  get graphNodes(): string[] {
    return this.cy ? this.cy.nodes().map((n) => n.id()) : [];
  }

  /** The edges drawn as [from, to, label], for pages and tests that read the graph. */
  get graphEdges(): [string, string, string][] {
    return this.cy ? this.cy.edges().map((e) => [e.source().id(), e.target().id(), String(e.data('label'))]) : [];
  }

  private renderPath(path: AccessStep[]) {
    return html`<ol class="path">
      ${path.map(
        (s) =>
          html`<li>
            ${this.principalLink(s.from)} —<code>${stepLabel(s)}</code>→ ${this.principalLink(s.to)}
            ${s.conditional ? html`<span class="badge conditional">conditional</span> ${s.missingContextKeys.map((k) => html`<code>${k}</code> `)}` : nothing}
          </li>`,
      )}
    </ol>`;
  }

  private renderEscalation() {
    if (this.escalation === undefined) return nothing;
    if (this.escalation === null) return html`<p class="escalation none">No path to administrator from this principal.</p>`;
    const e = this.escalation;
    return html`<div class="escalation" data-reaches=${e.reaches}>
      <strong>Can become administrator</strong>${e.conditional ? html` <span class="badge conditional">conditional</span>` : nothing}: reaches
      ${this.principalLink(e.reaches)} in ${e.path.length} step${e.path.length === 1 ? '' : 's'}. ${this.renderPath(e.path)}
    </div>`;
  }

  private renderReachable() {
    if (!this.offered?.reachableRoles || !this.reachablePage) return nothing;
    const page = this.reachablePage;
    return html`<h4>Roles reachable through sts:AssumeRole chains: ${page.totalCount}</h4>
      ${
        this.reachable.length
          ? html`<table class="reachable">
              <thead>
                <tr>
                  <th>Role</th>
                  <th>Steps</th>
                </tr>
              </thead>
              <tbody>
                ${this.reachable.map(
                  (r) =>
                    html`<tr class="reachable-row" data-arn=${r.role.arn}>
                      <td>${this.principalLink(r.role.arn)}</td>
                      <td>${this.renderPath(r.path)}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : html`<p class="muted">No role is reachable from this principal.</p>`
      }
      ${
        page.pageInfo.hasNextPage
          ? html`<button class="secondary more" @click=${() => this.load(page.pageInfo.endCursor ?? undefined)}>
              Next ${this.pageSize} (${this.reachable.length} of ${page.totalCount} shown)
            </button>`
          : nothing
      }`;
  }

  private renderEscalations() {
    if (!this.offered?.privilegeEscalations) return html`<p class="muted">Name a principal to see the roles it reaches.</p>`;
    const page = this.escalationsPage;
    return html`<h4>Principals that can become administrator${page ? html`: ${page.totalCount}` : nothing}</h4>
      ${
        this.escalations.length
          ? html`<table class="escalations">
              <thead>
                <tr>
                  <th>Principal</th>
                  <th>Reaches</th>
                  <th>Steps</th>
                </tr>
              </thead>
              <tbody>
                ${this.escalations.map(
                  (e) =>
                    html`<tr class="escalation-row" data-arn=${e.principal.arn}>
                      <td>
                        ${this.links ? html`<a href="#/paths/${encodeURIComponent(e.principal.arn)}">${e.principal.arn}</a>` : e.principal.arn}
                        ${e.conditional ? html`<span class="badge conditional">conditional</span>` : nothing}
                      </td>
                      <td>${this.principalLink(e.reaches)}</td>
                      <td>${e.path.map((s) => stepLabel(s)).join(' → ')}</td>
                    </tr>`,
                )}
              </tbody>
            </table>`
          : page
            ? html`<p class="muted">No principal can escalate.</p>`
            : nothing
      }
      ${
        page?.pageInfo.hasNextPage
          ? html`<button class="secondary more" @click=${() => this.load(page.pageInfo.endCursor ?? undefined)}>
              Next ${this.pageSize} (${this.escalations.length} of ${page.totalCount} shown)
            </button>`
          : nothing
      }`;
  }

  render() {
    if (this.offered && !this.offered.reachableRoles && !this.offered.privilegeEscalations) {
      return html`${this.renderStatus()}
        <p class="paths-absent muted">This server does not answer access paths yet (its schema has no reachableRoles or privilegeEscalations).</p>`;
    }
    if (!this.arn.trim()) return html`${this.renderStatus()} ${this.renderEscalations()}`;
    const steps = this.steps;
    return html`${this.renderStatus()} ${this.renderEscalation()}
      <div
        class="graph"
        role="img"
        aria-label="access paths from ${this.arn}"
        data-nodes=${[...new Set([this.arn, ...steps.flatMap((s) => [s.from, s.to])])].join(' ')}
      ></div>
      ${this.renderReachable()}`;
  }
}
