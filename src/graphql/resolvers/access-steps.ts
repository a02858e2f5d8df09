import { stepStatements, type AccessStep as Step } from '../../access/paths/index.js';
import { AccessStep, AccessStepKind } from '../types/paths.js';

export function toAccessStep(s: Step): AccessStep {
  return {
    kind: s.kind as AccessStepKind,
    from: s.from,
    to: s.to,
    via: s.via,
    actions: s.actions.map((a) => a.action),
    conditional: s.conditional,
    missingContextKeys: s.missingContextKeys,
    missingState: s.missingState,
    matchedStatements: stepStatements(s),
    actionResults: s.actions,
  };
}
