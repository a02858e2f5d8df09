import { css } from 'lit';

/** One look for every view; hosts may override the custom properties. */
export const shared = css`
  :host {
    display: block;
    font: 14px/1.45 var(--accessql-font, system-ui, -apple-system, 'Segoe UI', sans-serif);
    color: var(--accessql-fg, #1d2530);
    --accent: var(--accessql-accent, #2457c5);
    --muted: #5b6675;
    --line: #d8dde5;
  }
  h2 {
    font-size: 1.15rem;
    margin: 0.2rem 0 0.6rem;
  }
  h3 {
    font-size: 1rem;
    margin: 1rem 0 0.4rem;
  }
  form,
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem 0.75rem;
    align-items: end;
    margin-bottom: 0.75rem;
  }
  label {
    display: flex;
    flex-direction: column;
    font-size: 0.8rem;
    color: var(--muted);
    gap: 0.15rem;
  }
  label.inline {
    flex-direction: row;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.9rem;
    color: inherit;
  }
  input[type='text'],
  input:not([type]),
  input[type='search'],
  select {
    font: inherit;
    padding: 0.3rem 0.45rem;
    border: 1px solid var(--line);
    border-radius: 4px;
    min-width: 16rem;
  }
  input.wide {
    min-width: min(38rem, 90vw);
  }
  button {
    font: inherit;
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--accent);
    background: var(--accent);
    color: white;
    border-radius: 4px;
    cursor: pointer;
  }
  button.secondary {
    background: white;
    color: var(--accent);
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 0.9rem;
  }
  th,
  td {
    text-align: left;
    vertical-align: top;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--line);
  }
  th {
    background: #f3f5f8;
    font-weight: 600;
  }
  a {
    color: var(--accent);
  }
  .arn,
  code,
  pre {
    font-family: ui-monospace, 'SFMono-Regular', Menlo, Consolas, monospace;
    font-size: 0.85em;
    word-break: break-all;
  }
  .muted,
  .status {
    color: var(--muted);
  }
  .error {
    color: #a4161a;
    background: #fdecec;
    padding: 0.4rem 0.6rem;
    border-radius: 4px;
  }
  .badge {
    display: inline-block;
    padding: 0 0.4rem;
    border-radius: 3px;
    font-size: 0.8rem;
    background: #e8edf7;
  }
  .ALLOWED {
    background: #dff3e4;
    color: #135c2a;
  }
  .EXPLICIT_DENY {
    background: #fdecec;
    color: #a4161a;
  }
  .conditional {
    background: #fff4d6;
    color: #6b4e00;
  }
  ul.statements {
    margin: 0;
    padding-left: 1rem;
  }
  .summary {
    margin: 0.3rem 0 0.6rem;
    color: var(--muted);
  }
  table.facts th {
    width: 12rem;
  }
  .context-row {
    display: flex;
    gap: 0.4rem;
    align-items: center;
    margin-bottom: 0.3rem;
  }
`;
