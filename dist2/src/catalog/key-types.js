export {};
//# sourceMappingURL=key-types.js.map