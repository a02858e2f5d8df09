/**
 * Policy variable syntax ("IAM policy elements: Variables and tags": `${aws:username}`, with an
 * optional default `${aws:username, 'none'}`; variables are resolved only in Resource /
 * NotResource and in condition values, and only with Version 2012-10-17) and Access Analyzer's
 * checks EMPTY_VARIABLE, MISSING_BRACE_IN_VARIABLE, MISSING_QUOTE_IN_VARIABLE,
 * UNSUPPORTED_SPACE_IN_VARIABLE, VARIABLE_UNSUPPORTED_IN_ELEMENT, VARIABLE_UNSUPPORTED_IN_VERSION.
 */
import type { SourcePosition, Statement } from '../types.js';
import type { CheckContext } from './context.js';

/** The special characters `${*}`, `${?}`, `${$}` stand for literal *, ?, $. */
const SPECIAL = /^[*?$]$/;

export function checkVariables(ctx: CheckContext, s: Statement): void {
  if (ctx.fragment) return;
  const at = (field: 'action' | 'notAction' | 'resource' | 'notResource', i: number) => s.source?.[field]?.[i] ?? s.position;
  for (const field of ['action', 'notAction'] as const) {
    (s[field] ?? []).forEach((v, i) => {
      if (v.includes('${')) {
        ctx.add(
          'VARIABLE_UNSUPPORTED_IN_ELEMENT',
          `"${v}": policy variables are not resolved in ${field === 'action' ? 'Action' : 'NotAction'}, only in Resource, NotResource and condition values`,
          at(field, i),
        );
      }
    });
  }
  if (s.sid?.includes('${')) ctx.add('VARIABLE_UNSUPPORTED_IN_ELEMENT', `Sid "${s.sid}": policy variables are not resolved in Sid`, s.source?.sid);
  for (const p of [s.principal, s.notPrincipal]) {
    if (!p) continue;
    for (const [type, values] of Object.entries(p.values)) {
      values.forEach((v, i) => {
        if (v.includes('${'))
          ctx.add('VARIABLE_UNSUPPORTED_IN_ELEMENT', `"${v}": policy variables are not resolved in principals`, p.valuePositions?.[type]?.[i] ?? p.position);
      });
    }
  }
  for (const field of ['resource', 'notResource'] as const) {
    (s[field] ?? []).forEach((v, i) => checkValue(ctx, v, at(field, i)));
  }
  for (const c of s.conditions) {
    if (c.key.includes('${'))
      ctx.add('VARIABLE_UNSUPPORTED_IN_ELEMENT', `Condition key "${c.key}": policy variables are not resolved in condition keys, only in values`, c.position);
    c.values.forEach((v, i) => checkValue(ctx, v, c.valuePositions?.[i] ?? c.position));
  }
}

function checkValue(ctx: CheckContext, value: string, pos: SourcePosition): void {
  let i = value.indexOf('${');
  if (i < 0) return;
  if (ctx.document.version !== '2012-10-17') {
    ctx.add(
      'VARIABLE_UNSUPPORTED_IN_VERSION',
      `"${value}" uses a policy variable, but the policy's Version is ${ctx.document.version ?? 'missing (so 2008-10-17)'}: the variable is matched as literal text. Set "Version": "2012-10-17"`,
      pos,
    );
    return;
  }
  while (i >= 0) {
    const close = value.indexOf('}', i + 2);
    const nextOpen = value.indexOf('${', i + 2);
    if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
      ctx.add('MISSING_BRACE_IN_VARIABLE', `"${value}": the policy variable starting at "${value.slice(i, i + 20)}" has no closing "}"`, pos);
      return;
    }
    const inner = value.slice(i + 2, close);
    const comma = inner.indexOf(',');
    const name = comma >= 0 ? inner.slice(0, comma) : inner;
    if (inner.trim() === '') {
      ctx.add('EMPTY_VARIABLE', `"${value}" has an empty policy variable "\${}"`, pos);
    } else if (!SPECIAL.test(inner)) {
      if (/\s/.test(name)) {
        ctx.add('UNSUPPORTED_SPACE_IN_VARIABLE', `"${value}": the policy variable "\${${inner}}" has a space in its name`, pos);
      } else if (comma >= 0) {
        const def = inner.slice(comma + 1).trim();
        if (!/^'[^']*'$/.test(def)) {
          ctx.add('MISSING_QUOTE_IN_VARIABLE', `"${value}": the default value of "\${${inner}}" must be in single quotes (\${${name}, 'default'})`, pos);
        }
      }
    }
    i = value.indexOf('${', close + 1);
  }
}
