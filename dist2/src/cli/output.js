/** Plain-text tables for terminal output; --json bypasses all of this. */
export function table(headers, rows) {
    const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
    const line = (cells) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
    return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
export function printJson(value) {
    process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
}
export function describeStatements(statements) {
    return statements
        .map((s) => `${s.effect} ${s.policyName}${s.sid ? `#${s.sid}` : ''}${s.line ? `:${s.line}:${s.column}` : ''}`)
        .join('; ');
}
//# sourceMappingURL=output.js.map