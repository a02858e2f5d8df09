/**
 * <accessql-app>: the explorer at /ui, a single page whose routes live in the URL's hash
 * (#/who-can?action=…&resource=…, #/principal/<arn>, #/policy/<id>…), so every answer has a link.
 * It talks to this origin's /graphql; a token typed here stays in this tab (sessionStorage).
 */
import { LitElement, css, html, type TemplateResult } from 'lit';
import { shared } from './styles.js';
import { parseRoute, type Route } from './route.js';

const FIRST_QUESTION = {
  action: 'connect:StartContactRecording',
  resource: 'arn:aws:connect:us-east-1:123456789012:instance/00fbeee1-123e-111e-93e3-11111bfbfcc1',
};

const NAV: [string, string][] = [
  ['who-can', 'Who can'],
  ['what-can', 'What can'],
  ['principals', 'Principals'],
  ['policies', 'Policies'],
  ['paths', 'Paths'],
  ['changes', 'Changes'],
];

export class AccessqlApp extends LitElement {
  static styles = [
    shared,
    css`
      :host {
        min-height: 100vh;
      }
      header {
        display: flex;
        align-items: center;
        gap: 1.2rem;
        padding: 0.55rem 1rem;
        background: #16213a;
        color: white;
        flex-wrap: wrap;
      }
      header .brand {
        font-weight: 700;
        font-size: 1.05rem;
        color: white;
        text-decoration: none;
      }
      nav {
        display: flex;
        gap: 0.2rem;
        flex-wrap: wrap;
      }
      nav a {
        color: #c9d6f2;
        text-decoration: none;
        padding: 0.2rem 0.55rem;
        border-radius: 4px;
      }
      nav a[aria-current='page'] {
        background: #2f4370;
        color: white;
      }
      header .right {
        margin-left: auto;
        display: flex;
        gap: 0.8rem;
        align-items: center;
      }
      header .right a {
        color: #c9d6f2;
      }
      header input {
        min-width: 12rem;
      }
      main {
        padding: 1rem;
        max-width: 1300px;
      }
    `,
  ];

  static properties = { route: { state: true }, token: { state: true } };
  declare route: Route;
  declare token: string | undefined;

  constructor() {
    super();
    this.route = parseRoute(location.hash);
    this.token = sessionStorage.getItem('accessql.token') ?? undefined;
  }

  private readonly onHash = () => {
    this.route = parseRoute(location.hash);
  };

  /** A view answered a new question: keep the URL in step without adding a history entry per keystroke. */
  private readonly onChange = (e: Event) => {
    const detail = (e as CustomEvent<Record<string, unknown>>).detail;
    const { view } = this.route;
    const params = new URLSearchParams();
    if (view === 'who-can' || view === 'what-can') {
      for (const [k, v] of Object.entries(detail)) if (k !== 'view' && v !== undefined && v !== false && v !== '') params.set(k, v === true ? '1' : String(v));
    } else if ((view === 'principals' || view === 'policies') && detail.filter) params.set('q', String(detail.filter));
    else if (view === 'changes') {
      if (detail.from !== undefined) params.set('from', String(detail.from));
      if (detail.to !== undefined) params.set('to', String(detail.to));
    } else return;
    const hash = `#/${view}${params.size ? `?${params}` : ''}`;
    if (hash !== location.hash) history.replaceState(null, '', hash);
  };

  connectedCallback(): void {
    super.connectedCallback();
    addEventListener('hashchange', this.onHash);
    this.addEventListener('accessql-change', this.onChange);
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('hashchange', this.onHash);
    this.removeEventListener('accessql-change', this.onChange);
  }

  private setToken(value: string) {
    this.token = value.trim() || undefined;
    if (this.token) sessionStorage.setItem('accessql.token', this.token);
    else sessionStorage.removeItem('accessql.token');
  }

  render() {
    const current = this.route.view === 'principal' ? 'principals' : this.route.view === 'policy' ? 'policies' : this.route.view;
    return html`<header>
        <a class="brand" href="#/who-can">accessql</a>
        <nav>${NAV.map(([view, label]) => html`<a href="#/${view}" aria-current=${current === view ? 'page' : 'false'}>${label}</a>`)}</nav>
        <div class="right">
          <label class="inline" style="color:#c9d6f2"
            >Token
            <input
              type="password"
              autocomplete="off"
              placeholder="Bearer token, if the server needs one"
              .value=${this.token ?? ''}
              @change=${(e: Event) => this.setToken((e.target as HTMLInputElement).value)}
          /></label>
          <a href="/graphql">GraphQL</a>
        </div>
      </header>
      <main>${this.renderView()}</main>`;
  }

  private renderView(): TemplateResult {
    const { view, id, params } = this.route;
    const token = this.token;
    switch (view) {
      case 'who-can': {
        const action = params.get('action') ?? '';
        return html`<h2>Who can…</h2>
          ${
            action || params.get('resource')
              ? ''
              : html`<p class="muted">
                  Try the first question:
                  <a href="#/who-can?action=${encodeURIComponent(FIRST_QUESTION.action)}&resource=${encodeURIComponent(FIRST_QUESTION.resource)}"
                    >who can record the contacts of instance A</a
                  >.
                </p>`
          }
          <accessql-who-can
            links
            .token=${token}
            .action=${action}
            .resource=${params.get('resource') ?? ''}
            .includeConditional=${params.get('includeConditional') === '1'}
          ></accessql-who-can>`;
      }
      case 'what-can':
        return html`<h2>What can…</h2>
          <accessql-what-can
            links
            .token=${token}
            .principal=${params.get('principal') ?? ''}
            .resource=${params.get('resource') ?? ''}
            .includeConditional=${params.get('includeConditional') === '1'}
          ></accessql-what-can>`;
      case 'principals':
        return html`<h2>Principals</h2>
          <accessql-principal-list links .token=${token} .filterText=${params.get('q') ?? ''}></accessql-principal-list>`;
      case 'principal':
        return html`<accessql-principal links .token=${token} .arn=${id} .resource=${params.get('resource') ?? ''}></accessql-principal>`;
      case 'policies':
        return html`<h2>Policies</h2>
          <accessql-policy-list links .token=${token} .filterText=${params.get('q') ?? ''}></accessql-policy-list>`;
      case 'policy':
        return html`<accessql-policy links .token=${token} .policyId=${id}></accessql-policy>`;
      case 'paths':
        return html`<h2>Access paths</h2>
          <form
            class="controls"
            @submit=${(e: Event) => {
              e.preventDefault();
              const arn = String(new FormData(e.target as HTMLFormElement).get('arn') ?? '').trim();
              location.hash = `#/paths/${encodeURIComponent(arn)}`;
            }}
          >
            <label>From principal <input name="arn" class="wide" .value=${id} placeholder="arn:aws:iam::123456789012:role/…" /></label>
            <button type="submit">Show paths</button>
          </form>
          <accessql-paths links .token=${token} .arn=${id}></accessql-paths>`;
      case 'changes':
        return html`<h2>Changes between snapshots</h2>
          <accessql-changes
            links
            .token=${token}
            .from=${params.get('from') ? Number(params.get('from')) : undefined}
            .to=${params.get('to') ? Number(params.get('to')) : undefined}
          ></accessql-changes>`;
      default:
        return html`<p class="error">No page "${view}". <a href="#/who-can">Who can…</a></p>`;
    }
  }
}
