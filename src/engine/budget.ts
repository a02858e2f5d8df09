/**
 * Work accounting inside one evaluation. The engine reads no clock: a caller that must stop long
 * work (a request's time budget) installs a hook with `withWorkHook`; the engine charges the
 * comparisons it makes (condition values × policy values, the work that grows with the input) and
 * calls the hook every WORK_QUANTUM of them. The hook stops the evaluation by throwing.
 *
 * Evaluation is synchronous, so one module-level hook, installed around a synchronous call and
 * restored after it, is seen by exactly the work of that call.
 */

export type WorkHook = (steps: number) => void;

/** Comparisons between two hook calls: a few milliseconds of the slowest matching. */
export const WORK_QUANTUM = 1 << 16;

let hook: WorkHook | null = null;
let pending = 0;

/** Charges `steps` units of work to the current evaluation (no-op without a hook). */
export function chargeWork(steps: number): void {
  if (hook === null) return;
  pending += steps;
  if (pending >= WORK_QUANTUM) {
    const done = pending;
    pending = 0;
    hook(done);
  }
}

/** Runs `body` with `onWork` called as work accumulates; restores the previous hook afterwards. */
export function withWorkHook<T>(onWork: WorkHook, body: () => T): T {
  const previous = hook;
  const previousPending = pending;
  hook = onWork;
  pending = 0;
  try {
    return body();
  } finally {
    hook = previous;
    pending = previousPending;
  }
}
