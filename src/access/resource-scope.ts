/**
 * Resources as people name them. An admin asks about "this instance", but
 * connect:StartContactRecording applies to contacts: when an action's resource types (from the
 * service authorization reference, via the catalog) are children of the named resource, the
 * question is answered for the resource's children — "any contact of this instance" — by an ARN
 * whose child ids are `*`. A policy whose Resource covers every such child (…/contact/*) matches
 * it; one naming a single contact does not, and the answer says which type was evaluated.
 */
import { findAction, resourceTypeForArn, resourceTypesForService, type CatalogAction, type CatalogResourceType } from '../catalog/index.js';
import { InvalidQuestionError, quoted } from './errors.js';
import { splitArn } from '../util/arn.js';
import { compileGlobPieces, type PatternPiece } from '../util/wildcard.js';

export interface ResourceScope {
  /** The ARN the evaluator sees. */
  resource: string;
  /** The catalog resource type evaluated (e.g. "contact"), undefined for `*` or actions without resource types. */
  resourceType?: string;
  /** true when the question was widened from a parent to its children. */
  children: boolean;
}

const VARIABLE = /\$\{[^}]+\}/g;

/** The six parts of an ARN (or ARN pattern); the resource part keeps its colons. */
function arnParts(arn: string): string[] | undefined {
  return arn.startsWith('arn:') ? (splitArn(arn) ?? undefined) : undefined;
}

/**
 * If `arn` names an ancestor of `child`'s pattern, returns the child ARN with the ancestor's
 * values filled in and every other id as `*`. Variables match one path segment (no `/`).
 */
export function childArnUnder(arn: string, child: CatalogResourceType): string | undefined {
  const given = arnParts(arn);
  const pattern = arnParts(child.arnPattern);
  if (!given || !pattern) return undefined;
  const head: string[] = [];
  for (let i = 1; i < 5; i++) {
    const p = pattern[i];
    if (p.includes('${')) head.push(given[i]);
    else if (p === given[i]) head.push(p);
    else return undefined;
  }
  const patternPath = pattern[5].split('/');
  const givenPath = given[5].split('/');
  if (givenPath.length >= patternPath.length) return undefined;
  const filled: string[] = [];
  for (let i = 0; i < patternPath.length; i++) {
    const p = patternPath[i];
    if (i < givenPath.length) {
      // givenPath[i] holds no '/', so "one or more characters" is the segment rule; the engine's
      // linear matcher keeps a long user-given segment from backtracking.
      const pieces: PatternPiece[] = [];
      p.split(VARIABLE).forEach((lit, k) => {
        if (k > 0) pieces.push('?*');
        if (lit) pieces.push({ lit });
      });
      if (!compileGlobPieces(pieces.length ? pieces : [{ lit: '' }])(givenPath[i])) return undefined;
      filled.push(givenPath[i]);
    } else {
      filled.push(p.replace(VARIABLE, '*'));
    }
  }
  return ['arn', ...head, filled.join('/')].join(':');
}

/** The action's catalog entry, or BAD_USER_INPUT naming the problem. */
export function requireAction(action: string): CatalogAction {
  const found = findAction(action);
  if (!found) throw new InvalidQuestionError(`Unknown action "${quoted(action)}": the catalog has no such action`, { argumentName: 'action' });
  return found;
}

/**
 * Decides what resource to evaluate `action` on when the user names `resource`.
 * Throws InvalidQuestionError when the resource is of a type the action does not apply to.
 */
export function scopeFor(action: CatalogAction, resource: string): ResourceScope {
  const types = action.resourceTypes.map((t) => t.name);
  // Actions without resource-level permissions are requested on "*" ("Actions, resources, and
  // condition keys for AWS services": an empty Resource types column means Resource must be "*").
  if (types.length === 0 || resource === '*') return { resource, resourceType: undefined, children: false };
  const own = resourceTypeForArn(resource);
  if (own && own.service === action.service && types.includes(own.name)) return { resource, resourceType: own.name, children: false };
  const byName = new Map(resourceTypesForService(action.service).map((t) => [t.name, t]));
  for (const name of types) {
    const type = byName.get(name);
    const child = type && childArnUnder(resource, type);
    if (child) return { resource: child, resourceType: name, children: true };
  }
  if (!own) {
    // An ARN the catalog cannot type (a placeholder, a new resource type): evaluate as given.
    return { resource, resourceType: undefined, children: false };
  }
  throw new InvalidQuestionError(
    `${action.name} applies to ${types.join(', ')} resources, not to ${own.name} ${quoted(resource)}`,
    { argumentName: 'resource', resourceType: own.name, actionResourceTypes: types },
  );
}
