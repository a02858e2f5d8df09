/**
 * Runs a big action × resource grid in slices, checking the request's deadline and yielding to
 * the event loop between slices, so that one heavy simulation neither outlives its time budget
 * (TIMEOUT) nor stalls every other request while it runs. Slices keep the grid's order (actions
 * outer, resources inner), so the concatenated results equal one call over the whole grid.
 */
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { checkDeadline } from './limits.js';
/**
 * @param pairsPerSlice how many (action, resource) pairs one slice may evaluate
 * @param run evaluates one slice synchronously
 */
export async function runInSlices(grid, pairsPerSlice, deadline, run) {
    const per = Math.max(1, Math.floor(pairsPerSlice));
    const width = grid.resources?.length ? grid.resources.length : 1;
    if (grid.actions.length * width <= per)
        return run(grid);
    const out = [];
    const step = async (slice) => {
        checkDeadline(deadline);
        for (const r of run(slice))
            out.push(r);
        await yieldToEventLoop();
    };
    if (width <= per) {
        const actionsPerSlice = Math.max(1, Math.floor(per / width));
        for (let i = 0; i < grid.actions.length; i += actionsPerSlice) {
            await step({ actions: grid.actions.slice(i, i + actionsPerSlice), resources: grid.resources });
        }
    }
    else {
        const resources = grid.resources;
        for (const action of grid.actions) {
            for (let j = 0; j < resources.length; j += per)
                await step({ actions: [action], resources: resources.slice(j, j + per) });
        }
    }
    checkDeadline(deadline);
    return out;
}
//# sourceMappingURL=chunked.js.map