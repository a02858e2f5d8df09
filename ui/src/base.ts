/**
 * What every accessql element shares: an `endpoint` attribute (the GraphQL URL, default this
 * origin's /graphql), a `token` property (sent as a Bearer token, never reflected to an attribute),
 * the schema's features, and one request in flight per view (a newer one wins).
 */
import { LitElement, html, type PropertyValues } from 'lit';
import { gql, resolveEndpoint, schemaFeatures, type Endpoint, type SchemaFeatures } from './gql.js';
import { shared } from './styles.js';

export abstract class AccessqlElement extends LitElement {
  static styles = [shared];
  static properties = {
    endpoint: { type: String },
    token: { attribute: false },
    links: { type: Boolean },
    loading: { state: true },
    error: { state: true },
    features: { state: true },
  };

  declare endpoint: string | undefined;
  /** Bearer token for servers with ACCESSQL_READ_TOKEN; a property only, so it never shows in the DOM. */
  declare token: string | undefined;
  /** Render links to the explorer's pages (#/principal/…): set by the explorer, off when embedded. */
  declare links: boolean;
  declare loading: boolean;
  declare error: string | undefined;
  declare features: SchemaFeatures | undefined;
  private generation = 0;

  constructor() {
    super();
    this.links = false;
    this.loading = false;
  }

  protected get api(): Endpoint {
    return { url: resolveEndpoint(this.endpoint), token: this.token };
  }

  /**
   * Runs `work` as the view's one current request; stale answers are dropped. `work` gets the
   * schema's features on demand: a question that needs none goes out first, and the
   * introspection only after it (one server thread answers both; the answer should not wait).
   */
  protected async request<T>(work: (features: () => Promise<SchemaFeatures>) => Promise<T>): Promise<T | undefined> {
    const mine = ++this.generation;
    this.loading = true;
    this.error = undefined;
    let loading: Promise<SchemaFeatures> | undefined;
    const features = () => {
      if (!loading) {
        loading = schemaFeatures(this.api);
        loading.then(
          (f) => {
            if (mine === this.generation) this.features = f;
          },
          () => undefined,
        );
      }
      return loading;
    };
    try {
      const result = await work(features);
      return mine === this.generation ? result : undefined;
    } catch (e) {
      if (mine === this.generation) this.error = e instanceof Error ? e.message : String(e);
      return undefined;
    } finally {
      if (mine === this.generation) this.loading = false;
      // The views show optional parts (a transitive toggle, reachable roles) once they know the schema.
      features().catch(() => undefined);
    }
  }

  protected query<T>(text: string, variables: Record<string, unknown> = {}): Promise<T> {
    return gql<T>(this.api, text, variables);
  }

  /** Re-runs when any of the named inputs (or the endpoint or token) changed and the view can answer. */
  protected inputsChanged(changed: PropertyValues, names: string[]): boolean {
    return ['endpoint', 'token', ...names].some((n) => changed.has(n));
  }

  protected renderStatus() {
    return html`${this.loading ? html`<p class="status" role="status">Loading…</p>` : ''}${
      this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''
    }`;
  }

  /** An ARN as a link to its page inside the explorer, or plain text when embedded. */
  protected principalLink(arn: string) {
    return this.links ? html`<a href="#/principal/${encodeURIComponent(arn)}">${arn}</a>` : html`<span class="arn">${arn}</span>`;
  }

  protected policyLink(id: string, name: string) {
    return this.links ? html`<a href="#/policy/${encodeURIComponent(id)}">${name}</a>` : html`<span>${name}</span>`;
  }

  /** Tells the page around (the explorer keeps its URL in step) what the view now shows. */
  protected announce(detail: Record<string, unknown>): void {
    this.dispatchEvent(new CustomEvent('accessql-change', { detail, bubbles: true, composed: true }));
  }
}

/** Calls `fn` once typing pauses. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms = 150): (...args: A) => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return (...args: A) => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}
