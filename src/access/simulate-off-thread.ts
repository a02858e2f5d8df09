/**
 * Runs one simulateCustomPolicy in a worker thread, so that a simulation whose single evaluation
 * is long neither blocks the event loop nor outlives the request's deadline. At most
 * MAX_WORKERS run at once (the machine's cores are the limit anyway); the others wait their turn
 * within their own deadline.
 */
import { Worker } from 'node:worker_threads';
import { availableParallelism } from 'node:os';
import type { CustomSimulationInput, SimulatedResult } from './simulate-custom.js';
import { InvalidQuestionError, MalformedPolicyError } from './errors.js';
import { AccessqlError } from '../util/errors.js';

/** The deadline passed before the simulation finished (the caller answers TIMEOUT). */
export class SimulationTimeoutError extends AccessqlError {
  constructor() {
    super('TIMEOUT', 'The simulation ran out of its time budget');
    this.name = 'SimulationTimeoutError';
  }
}

const MAX_WORKERS = Math.max(1, Math.min(4, availableParallelism() - 1));
/** After the deadline, how long the worker may take to notice it before it is terminated. */
const GRACE_MS = 250;

let running = 0;
const waiting: (() => void)[] = [];

async function acquire(deadline: number): Promise<void> {
  if (running < MAX_WORKERS) {
    running++;
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const wake = () => {
      clearTimeout(timer);
      running++;
      resolve();
    };
    const timer = setTimeout(
      () => {
        const i = waiting.indexOf(wake);
        if (i >= 0) waiting.splice(i, 1);
        reject(new SimulationTimeoutError());
      },
      Math.max(0, deadline - Date.now()),
    );
    waiting.push(wake);
  });
}

function release(): void {
  running--;
  waiting.shift()?.();
}

export async function simulateOffThread(input: CustomSimulationInput, deadline: number): Promise<SimulatedResult[]> {
  await acquire(deadline);
  try {
    return await new Promise<SimulatedResult[]>((resolve, reject) => {
      const worker = new Worker(new URL('./simulate-worker.js', import.meta.url), {
        workerData: { input: plain(input), deadline },
        // A runaway simulation may not take the server's memory with it.
        resourceLimits: { maxOldGenerationSizeMb: 512 },
      });
      let settled = false;
      const finish = (fn: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => finish(() => reject(new SimulationTimeoutError())), Math.max(0, deadline - Date.now()) + GRACE_MS);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the worker's structured-clone error payload
      worker.once('message', (m: { ok: boolean; results?: SimulatedResult[]; error?: Record<string, any> }) => {
        finish(() => (m.ok ? resolve(m.results!) : reject(revive(m.error!))));
      });
      worker.once('error', (e) => finish(() => reject(e)));
      worker.once('exit', (code) => finish(() => reject(new Error(`simulation worker exited with code ${code}`))));
    });
  } finally {
    release();
  }
}

/** The GraphQL input classes as plain data (structured clone copies own fields only anyway). */
function plain(input: CustomSimulationInput): CustomSimulationInput {
  return JSON.parse(JSON.stringify(input)) as CustomSimulationInput;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the worker's structured-clone error payload
function revive(e: Record<string, any>): Error {
  switch (e.kind) {
    case 'timeout':
      return new SimulationTimeoutError();
    case 'malformed':
      return new MalformedPolicyError(e.policy, e.reason, e.line, e.column);
    case 'invalid':
      return new InvalidQuestionError(e.message, e.details);
    default:
      return new AccessqlError('INTERNAL_SERVER_ERROR', `simulation failed: ${e.message}`);
  }
}
