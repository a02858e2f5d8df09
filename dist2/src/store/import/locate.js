/**
 * Where an element path stands in a file's text, for error messages only. JSON.parse keeps no
 * positions (and is what makes large imports fast), so on the rare error we parse the text once
 * more with jsonc-parser, which does.
 */
import jsonc from 'jsonc-parser';
import { LineIndex } from '../../policy/json.js';
/** Position of the element at path, or of its nearest existing ancestor (a missing key → its object). */
export function locatePath(text, path) {
    let root;
    try {
        root = jsonc.parseTree(text, [], { disallowComments: true, allowTrailingComma: true });
    }
    catch {
        return undefined;
    }
    if (!root)
        return undefined;
    for (let n = path.length; n >= 0; n--) {
        const node = jsonc.findNodeAtLocation(root, path.slice(0, n));
        if (node) {
            // For a property value, point at the property's key: that is what a reader looks for.
            const at = node.parent?.type === 'property' && n === path.length ? node.parent.offset : node.offset;
            return new LineIndex(text).position(at);
        }
    }
    return undefined;
}
//# sourceMappingURL=locate.js.map