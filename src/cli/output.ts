/** Plain-text tables for terminal output; --json bypasses all of this. */
export function table(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i])))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}

export function printJson(value: unknown): void {
  process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}

export interface StatementRef {
  policyName: string;
  sid?: string | null;
  effect: string;
  line?: number | null;
  column?: number | null;
}

export function describeStatements(statements: StatementRef[]): string {
  return statements.map((s) => `${s.effect} ${s.policyName}${s.sid ? `#${s.sid}` : ''}${s.line ? `:${s.line}:${s.column}` : ''}`).join('; ');
}
