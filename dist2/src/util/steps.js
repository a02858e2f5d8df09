/**
 * A work counter, for tests that bound the work an input causes (steps proportional to its size)
 * instead of timing it: wall-clock limits fail on a busy machine and pass on a fast one whatever
 * the algorithm. Off by default; when on, the loops whose length depends on user input charge it:
 * the wildcard matcher (text characters examined), the JSON tokenizer (characters per token), the
 * evaluator (statements evaluated) and the edit distance behind "did you mean" (cells computed).
 */
export const steps = { enabled: false, count: 0 };
/** Turns step counting on or off and resets the count. */
export function countSteps(enabled) {
    steps.enabled = enabled;
    steps.count = 0;
}
/** Runs `fn` with the counter on and returns its result with the steps it took. */
export function measureSteps(fn) {
    countSteps(true);
    try {
        const value = fn();
        return { steps: steps.count, value };
    }
    finally {
        countSteps(false);
    }
}
//# sourceMappingURL=steps.js.map