/**
 * <accessql-principal endpoint arn>: a user or role — account, tags, groups, the policies in force
 * (and the group each comes through), its permissions boundary, a role's trust policy — with its
 * effective access on a resource you choose (whatCan) and, where the server answers them, the
 * roles it can reach.
 */
import { html, nothing, type PropertyValues } from 'lit';
import { AccessqlElement } from './base.js';

interface PrincipalPolicy {
  policy: { id: string; name: string; kind: string };
  viaGroup: { name: string; arn: string } | null;
}

interface PrincipalData {
  arn: string;
  name: string;
  type: string;
  accountId: string;
  uniqueId: string | null;
  path: string | null;
  createDate: string | null;
  tags: { key: string; value: string }[];
  groups: { arn: string; name: string }[];
  policies: PrincipalPolicy[];
  permissionsBoundary: { id: string; name: string } | null;
  trustPolicy: string | null;
}

export class AccessqlPrincipal extends AccessqlElement {
  static properties = {
    ...AccessqlElement.properties,
    arn: { type: String },
    resource: { type: String },
    data: { state: true },
    missing: { state: true },
  };

  declare arn: string;
  /** The resource whose effective access is shown. */
  declare resource: string;
  declare data: PrincipalData | undefined;
  declare missing: boolean;

  constructor() {
    super();
    this.arn = '';
    this.resource = '';
    this.missing = false;
  }

  protected updated(changed: PropertyValues): void {
    if (this.inputsChanged(changed, ['arn']) && this.arn) void this.load();
  }

  private async load(): Promise<void> {
    const data = await this.request(async () => {
      const d = await this.query<{ principal: PrincipalData | null }>(
        `query AccessqlPrincipal($arn: String!) {
          principal(arn: $arn) {
            arn name type accountId uniqueId path createDate
            tags { key value }
            groups { arn name }
            policies { policy { id name kind } viaGroup { name arn } }
            permissionsBoundary { id name }
            trustPolicy
          }
        }`,
        { arn: this.arn.trim() },
      );
      return { principal: d.principal };
    });
    if (!data) return;
    this.data = data.principal ?? undefined;
    this.missing = data.principal === null;
  }

  render() {
    if (!this.arn) return html`<p class="muted">No principal: set the <code>arn</code> attribute.</p>`;
    return html`${this.renderStatus()}
    ${this.missing ? html`<p class="error" role="alert">No stored user or role has the ARN <code>${this.arn}</code>.</p>` : nothing}
    ${this.data ? this.renderPrincipal(this.data) : nothing}`;
  }

  private renderPrincipal(p: PrincipalData) {
    const reachable = this.features?.has('Principal', 'reachableRoles') || this.features?.has('Query', 'privilegeEscalations');
    return html`
      <h2><span class="badge">${p.type}</span> ${p.name}</h2>
      <table class="facts">
        <tbody>
          <tr>
            <th>ARN</th>
            <td class="arn">${p.arn}</td>
          </tr>
          <tr>
            <th>Account</th>
            <td>${p.accountId}</td>
          </tr>
          ${
            p.uniqueId
              ? html`<tr>
                  <th>Unique id</th>
                  <td><code>${p.uniqueId}</code></td>
                </tr>`
              : nothing
          }
          ${
            p.path
              ? html`<tr>
                  <th>Path</th>
                  <td><code>${p.path}</code></td>
                </tr>`
              : nothing
          }
          ${
            p.createDate
              ? html`<tr>
                  <th>Created</th>
                  <td>${p.createDate}</td>
                </tr>`
              : nothing
          }
          <tr>
            <th>Tags</th>
            <td class="tags">
              ${p.tags.length ? p.tags.map((t) => html`<span class="badge">${t.key}=${t.value}</span> `) : html`<span class="muted">none</span>`}
            </td>
          </tr>
          ${
            p.type === 'USER'
              ? html`<tr>
                  <th>Groups</th>
                  <td class="groups">
                    ${p.groups.length ? p.groups.map((g) => html`<span class="badge">${g.name}</span> `) : html`<span class="muted">none</span>`}
                  </td>
                </tr>`
              : nothing
          }
          <tr>
            <th>Permissions boundary</th>
            <td class="boundary">
              ${p.permissionsBoundary ? this.policyLink(p.permissionsBoundary.id, p.permissionsBoundary.name) : html`<span class="muted">none</span>`}
            </td>
          </tr>
        </tbody>
      </table>

      <h3>Policies in force</h3>
      <table class="policies">
        <thead>
          <tr>
            <th>Policy</th>
            <th>Kind</th>
            <th>Through</th>
          </tr>
        </thead>
        <tbody>
          ${p.policies.map(
            (pp) =>
              html`<tr>
                <td>${this.policyLink(pp.policy.id, pp.policy.name)}</td>
                <td>${pp.policy.kind}</td>
                <td>${pp.viaGroup ? html`group ${pp.viaGroup.name}` : html`<span class="muted">directly</span>`}</td>
              </tr>`,
          )}
        </tbody>
      </table>
      ${
        p.trustPolicy
          ? html`<h3>Trust policy</h3>
              <pre>${p.trustPolicy}</pre>`
          : nothing
      }

      <h3>Effective access</h3>
      <p class="muted">Every action of the resource's service this principal may perform on it.</p>
      <accessql-what-can
        fixed-principal
        .endpoint=${this.endpoint}
        .token=${this.token}
        .principal=${p.arn}
        .resource=${this.resource}
        ?links=${this.links}
      ></accessql-what-can>

      <h3>Reachable roles</h3>
      ${
        reachable
          ? html`<accessql-paths .endpoint=${this.endpoint} .token=${this.token} .arn=${p.arn} ?links=${this.links}></accessql-paths>`
          : html`<p class="muted paths-absent">This server does not answer access paths yet (its schema has no reachableRoles).</p>`
      }
    `;
  }
}
