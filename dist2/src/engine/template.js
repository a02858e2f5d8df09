const DEFAULT_RE = /^([^,]+?)\s*,\s*'([^']*)'$/;
/** Parses `text` into raw text, literals and variables. With `variablesEnabled` false everything is raw text. */
export function parseTemplate(text, variablesEnabled) {
    if (!variablesEnabled || !text.includes('${'))
        return { nodes: [text], hasVariables: false };
    const nodes = [];
    let raw = '';
    let i = 0;
    let hasVariables = false;
    while (i < text.length) {
        const start = text.indexOf('${', i);
        if (start < 0)
            break;
        const close = text.indexOf('}', start + 2);
        if (close < 0)
            break; // an unclosed `${` is plain text
        raw += text.slice(i, start);
        const inner = text.slice(start + 2, close).trim();
        if (inner === '*' || inner === '?' || inner === '$') {
            if (raw)
                nodes.push(raw);
            raw = '';
            nodes.push({ lit: inner });
        }
        else if (inner.length > 0) {
            if (raw)
                nodes.push(raw);
            raw = '';
            const m = DEFAULT_RE.exec(inner);
            const variable = (m ? m[1] : inner).trim();
            const node = m
                ? { variable, keyLower: variable.toLowerCase(), fallback: m[2] }
                : { variable, keyLower: variable.toLowerCase() };
            nodes.push(node);
            hasVariables = true;
        }
        else {
            raw += text.slice(start, close + 1);
        }
        i = close + 1;
    }
    raw += text.slice(i);
    if (raw)
        nodes.push(raw);
    if (nodes.length === 0)
        nodes.push('');
    return { nodes, hasVariables };
}
/** Substitutes variables from the request context. Resolved values are literal text (no wildcards). */
export function resolveTemplate(template, context) {
    const pieces = [];
    for (const node of template.nodes) {
        if (typeof node === 'string' || 'lit' in node) {
            pieces.push(node);
            continue;
        }
        const entry = context.get(node.keyLower);
        if (entry && entry.values.length === 1)
            pieces.push({ lit: entry.values[0] });
        else if (node.fallback !== undefined)
            pieces.push({ lit: node.fallback });
        else
            return { missing: node.variable };
    }
    return { pieces };
}
/** Joins pieces into plain text (for operators without wildcards, where `*` is literal anyway). */
export function piecesToText(pieces) {
    let out = '';
    for (const p of pieces)
        out += typeof p === 'string' ? p : p.lit;
    return out;
}
/** A string that identifies resolved pieces (literal text marked, so `${*}` and `*` differ). */
export function piecesKey(pieces) {
    let key = '';
    for (const p of pieces)
        key += typeof p === 'string' ? p : '\u0000' + p.lit + '\u0000';
    return key;
}
//# sourceMappingURL=template.js.map