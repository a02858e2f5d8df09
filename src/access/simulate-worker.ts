/**
 * Worker-thread entry for a heavy simulateCustomPolicy (see simulate-off-thread.ts). One
 * evaluation can be long (18,000 StringLike patterns × 10,000 request values): off the main
 * thread, the server keeps answering everybody else while it runs. The work hook stops it at the
 * request's deadline; the main thread also terminates the worker if it does not stop in time.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { withWorkHook } from '../engine/budget.js';
import { simulateCustomPolicy, type CustomSimulationInput } from './simulate-custom.js';
import { InvalidQuestionError, MalformedPolicyError } from './errors.js';
import { AccessqlError } from '../util/errors.js';

class DeadlineReached extends AccessqlError {
  constructor() {
    super('TIMEOUT', 'deadline reached');
  }
}

interface Job {
  input: CustomSimulationInput;
  deadline: number;
}

const { input, deadline } = workerData as Job;
try {
  const results = withWorkHook(
    () => {
      if (Date.now() > deadline) throw new DeadlineReached();
    },
    () => simulateCustomPolicy(input),
  );
  parentPort!.postMessage({ ok: true, results });
} catch (e) {
  parentPort!.postMessage({ ok: false, error: serialize(e) });
}

function serialize(e: unknown): Record<string, unknown> {
  if (e instanceof DeadlineReached) return { kind: 'timeout' };
  if (e instanceof MalformedPolicyError) return { kind: 'malformed', policy: e.policy, reason: e.reason, line: e.line, column: e.column };
  if (e instanceof InvalidQuestionError) return { kind: 'invalid', message: e.message, details: e.details };
  return { kind: 'internal', message: e instanceof Error ? e.message : String(e), name: e instanceof Error ? e.name : 'Error' };
}
