/** Inputs and outputs of importFiles. */
export {};
//# sourceMappingURL=types.js.map