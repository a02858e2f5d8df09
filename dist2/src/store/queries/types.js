/** What the read side returns: plain objects, camelCase, JSON columns parsed. */
export {};
//# sourceMappingURL=types.js.map