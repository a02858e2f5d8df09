/**
 * <accessql-paths endpoint arn>: access paths from a principal drawn as a graph (Cytoscape.js):
 * nodes are principals, edges are steps labelled with their actions. It reads whatever path data
 * the server's schema offers (reachableRoles, privilegeEscalations), learnt by introspection; a
 * server without them is told plainly.
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import type { Core } from 'cytoscape';
import { AccessqlElement } from './base.js';
import { SchemaFeatures, fullSchema } from './gql.js';

export interface PathStep {
  from: string;
  to: string;
  label: string;
}

const PATH_QUERIES = ['reachableRoles', 'privilegeEscalations'] as const;
const FROM_KEYS = ['from', 'fromArn', 'source', 'sourceArn', 'principal', 'principalArn', 'caller', 'callerArn'];
const TO_KEYS = ['to', 'toArn', 'target', 'targetArn', 'role', 'roleArn', 'assumedRole'];
const LABEL_KEYS = ['action', 'actions', 'via', 'kind', 'technique'];

function arnOf(value: unknown): string | undefined {
  if (typeof value === 'string' && value.startsWith('arn:')) return value;
  if (value && typeof value === 'object' && typeof (value as { arn?: unknown }).arn === 'string') return (value as { arn: string }).arn;
  return undefined;
}

/** Every step found anywhere in an answer: an object naming where it starts and where it leads. */
export function extractSteps(answer: unknown, root: string): PathStep[] {
  const steps: PathStep[] = [];
  const seen = new Set<string>();
  const walk = (value: unknown, parentTo: string | undefined) => {
    if (Array.isArray(value)) {
      let previous = parentTo;
      for (const item of value) {
        walk(item, previous);
        const to = item && typeof item === 'object' ? TO_KEYS.map((k) => arnOf((item as Record<string, unknown>)[k])).find(Boolean) : undefined;
        if (to) previous = to;
      }
      return;
    }
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    const to = TO_KEYS.map((k) => arnOf(record[k])).find(Boolean);
    const from = FROM_KEYS.map((k) => arnOf(record[k])).find(Boolean) ?? parentTo ?? (to ? root : undefined);
    if (from && to && from !== to) {
      const labelValue = LABEL_KEYS.map((k) => record[k]).find((v) => v !== undefined && v !== null);
      const label = Array.isArray(labelValue) ? labelValue.join(', ') : labelValue !== undefined ? String(labelValue) : '';
      const key = `${from}\u0000${to}\u0000${label}`;
      if (!seen.has(key)) {
        seen.add(key);
        steps.push({ from, to, label });
      }
    }
    for (const [k, v] of Object.entries(record)) if (v && typeof v === 'object' && !TO_KEYS.includes(k) && !FROM_KEYS.includes(k)) walk(v, to ?? parentTo);
  };
  walk(answer, undefined);
  return steps;
}

/** A selection of every field a type offers to `depth`, leaving out fields that need arguments. */
function selection(features: SchemaFeatures, type: string, depth: number): string {
  const parts: string[] = [];
  for (const f of features.fieldsOf(type)) {
    const named = SchemaFeatures.namedType(f.type);
    const optionalArgs = f.args.every((a) => a.name === 'first' || a.name === 'after');
    if (!optionalArgs) continue;
    if (named.kind === 'SCALAR' || named.kind === 'ENUM') parts.push(f.name);
    else if (depth > 0 && (named.kind === 'OBJECT' || named.kind === 'INTERFACE')) {
      const inner = selection(features, named.name, depth - 1);
      if (inner) parts.push(`${f.name} { ${inner} }`);
    }
  }
  return parts.join(' ');
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
    `,
  ];

  static properties = {
    ...AccessqlElement.properties,
    arn: { type: String },
    steps: { state: true },
    offered: { state: true },
  };

  declare arn: string;
  declare steps: PathStep[] | undefined;
  /** The path queries the server offers; undefined until the schema is known. */
  declare offered: string[] | undefined;
  private cy: Core | undefined;

  constructor() {
    super();
    this.arn = '';
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['arn'])) void this.load();
    if (changed.has('steps')) void this.draw();
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.cy?.destroy();
    this.cy = undefined;
  }

  private async load(): Promise<void> {
    const result = await this.request(async (featuresLoading) => {
      const features = await featuresLoading();
      const offered = PATH_QUERIES.filter((q) => features.has('Query', q));
      if (!offered.length || !this.arn) return { offered, steps: undefined };
      const schema = await fullSchema(this.api);
      const steps: PathStep[] = [];
      for (const name of offered) {
        const field = features.field('Query', name)!;
        const argName = ['principalArn', 'arn', 'principal', 'from'].find((a) => field.args.some((x) => x.name === a)) ?? field.args[0]?.name;
        if (!argName) continue;
        const named = SchemaFeatures.namedType(field.type);
        // The contract's connections of paths (privilegeEscalations): just the steps, within the
        // server's query cost limit; other shapes: every field to depth 4.
        const pathsOfSteps = schema.fieldsOf('AccessStep').length > 0 && named.name.endsWith('Connection');
        const inner =
          named.kind === 'SCALAR' || named.kind === 'ENUM'
            ? ''
            : pathsOfSteps
              ? '{ edges { node { path { kind from to actions } } } }'
              : `{ ${selection(schema, named.name, 4)} }`;
        const first = field.args.some((a) => a.name === 'first') ? ', first: 200' : '';
        const data = await this.query<Record<string, unknown>>(`query AccessqlPaths($arn: String!) { ${name}(${argName}: $arn${first}) ${inner} }`, {
          arn: this.arn,
        });
        steps.push(...extractSteps(data[name], this.arn));
      }
      return { offered, steps };
    });
    if (!result) return;
    this.offered = result.offered;
    this.steps = result.steps;
  }

  /** Cytoscape.js is loaded when a graph is drawn: the explorer's other pages start without it. */
  private async draw(): Promise<void> {
    const container = this.renderRoot.querySelector<HTMLElement>('.graph');
    this.cy?.destroy();
    this.cy = undefined;
    if (!container || !this.steps) return;
    const { default: cytoscape } = await import('cytoscape');
    const nodes = new Set<string>([this.arn]);
    for (const s of this.steps) nodes.add(s.from).add(s.to);
    const short = (arn: string) => arn.slice(arn.indexOf(':', 13) + 1);
    this.cy = cytoscape({
      container,
      elements: [
        ...[...nodes].map((id) => ({ data: { id, label: short(id) }, classes: id === this.arn ? 'root' : '' })),
        ...this.steps.map((s, i) => ({ data: { id: `e${i}`, source: s.from, target: s.to, label: s.label } })),
      ],
      layout: { name: 'breadthfirst', directed: true, roots: [this.arn], padding: 20, spacingFactor: 1.1 },
      style: [
        {
          selector: 'node',
          style: { label: 'data(label)', 'font-size': 10, 'text-valign': 'bottom', 'text-margin-y': 4, 'background-color': '#2457c5', width: 18, height: 18 },
        },
        { selector: 'node.root', style: { 'background-color': '#135c2a', width: 24, height: 24 } },
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
      ],
      userZoomingEnabled: true,
      wheelSensitivity: 0.3,
    });
  }

  /** The nodes drawn (principal ARNs), for pages and tests that read the graph. */
  get graphNodes(): string[] {
    return this.cy ? this.cy.nodes().map((n) => n.id()) : [];
  }

  render() {
    if (this.offered && this.offered.length === 0) {
      return html`${this.renderStatus()}
        <p class="paths-absent muted">This server does not answer access paths yet (its schema has no reachableRoles or privilegeEscalations).</p>`;
    }
    if (!this.arn) return html`<p class="muted">No principal: set the <code>arn</code> attribute.</p>`;
    return html`${this.renderStatus()}
      <div class="graph" role="img" aria-label="access paths from ${this.arn}"></div>
      ${
        this.steps
          ? this.steps.length
            ? html`<table class="steps">
                <thead>
                  <tr>
                    <th>From</th>
                    <th>Step</th>
                    <th>To</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.steps.map(
                    (s) =>
                      html`<tr>
                        <td>${this.principalLink(s.from)}</td>
                        <td>${s.label}</td>
                        <td>${this.principalLink(s.to)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="muted">No paths lead from this principal.</p>`
          : nothing
      }`;
  }
}
