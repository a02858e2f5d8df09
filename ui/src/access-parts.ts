/** Pieces the who-can and what-can views share: context entries, statements, decisions. */
import { html } from 'lit';

export interface ContextEntry {
  key: string;
  /** Comma-separated as typed; several values make a list. */
  values: string;
}

export interface MatchedStatement {
  policyName: string;
  sid: string | null;
  effect: string;
  line: number | null;
  column: number | null;
}

export interface PageInfo {
  hasNextPage: boolean;
  endCursor: string | null;
}

export { STATEMENT_FIELDS } from './fields.js';

/** The ContextEntryInput list for the API: blank keys left out, values split on commas. */
export function contextInput(entries: ContextEntry[]): { key: string; values: string[] }[] {
  return entries
    .filter((e) => e.key.trim() !== '')
    .map((e) => ({
      key: e.key.trim(),
      values: e.values
        .split(',')
        .map((v) => v.trim())
        .filter((v) => v !== ''),
    }));
}

export function renderContextEditor(entries: ContextEntry[], onChange: (entries: ContextEntry[]) => void) {
  const set = (i: number, patch: Partial<ContextEntry>) => onChange(entries.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return html`<fieldset class="context">
    <legend>Context entries <span class="muted">(keys the request supplies, e.g. aws:SourceIp; values comma-separated)</span></legend>
    ${entries.map(
      (e, i) =>
        html`<div class="context-row">
          <input
            aria-label="context key"
            placeholder="aws:SourceIp"
            .value=${e.key}
            @input=${(ev: Event) => set(i, { key: (ev.target as HTMLInputElement).value })}
          />
          <input
            aria-label="context values"
            placeholder="203.0.113.7"
            .value=${e.values}
            @input=${(ev: Event) => set(i, { values: (ev.target as HTMLInputElement).value })}
          />
          <button type="button" class="secondary" title="Remove" @click=${() => onChange(entries.filter((_, j) => j !== i))}>×</button>
        </div>`,
    )}
    <button type="button" class="secondary" @click=${() => onChange([...entries, { key: '', values: '' }])}>Add a context entry</button>
  </fieldset>`;
}

export function renderStatements(statements: MatchedStatement[]) {
  if (!statements.length) return html`<span class="muted">—</span>`;
  return html`<ul class="statements">
    ${statements.map(
      (s) =>
        html`<li>
          <strong>${s.policyName}</strong>${s.sid ? html` · Sid <code>${s.sid}</code>` : ''}${s.line ? html` · line ${s.line}` : ''}${
            s.effect !== 'Allow' ? html` · ${s.effect}` : ''
          }
        </li>`,
    )}
  </ul>`;
}

export function renderDecision(decision: string, conditional: boolean) {
  return html`<span class="badge ${decision}">${decision}</span>${conditional ? html` <span class="badge conditional">conditional</span>` : ''}`;
}

export function renderMissingKeys(keys: string[]) {
  return keys.length ? keys.map((k) => html`<code>${k}</code> `) : html`<span class="muted">—</span>`;
}

/** The resource field both question forms share, with its suggestions from the store. */
export function renderResourceField(value: string, options: { arn: string; resourceType: string | null }[], onInput: (value: string) => void) {
  return html`<label
    >Resource
    <input
      name="resource"
      class="resource wide"
      list="resources"
      autocomplete="off"
      placeholder="arn:aws:connect:us-east-1:123456789012:instance/…"
      .value=${value}
      @input=${(e: Event) => onInput((e.target as HTMLInputElement).value)}
    />
    <datalist id="resources">${options.map((r) => html`<option value=${r.arn}>${r.resourceType ?? ''}</option>`)}</datalist>
  </label>`;
}

/** "Next N (shown of total)" under an answer that has more pages. */
export function renderNextPage(pageInfo: PageInfo, shown: number, total: number, pageSize: number, next: (after: string | undefined) => void) {
  return pageInfo.hasNextPage
    ? html`<p>
        <button class="secondary more" @click=${() => next(pageInfo.endCursor ?? undefined)}>Next ${pageSize} (${shown} of ${total} shown)</button>
      </p>`
    : '';
}

/** A page of an answer added to the rows shown (a first page replaces them). */
export function withPage<Row>(rows: Row[], edges: { node: Row }[], after: string | undefined): Row[] {
  const page = edges.map((e) => e.node);
  return after ? [...rows, ...page] : page;
}
