export { accessChanges, actionApplies, levelOf, type AccessChangeEntry, type AccessLevel, type DiffResult, type ModelState } from './diff.js';
export { applyChanges, WhatIfSession, CHANGE_KINDS, type ChangeSpec, type HypotheticalState } from './what-if.js';
