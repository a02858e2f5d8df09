/**
 * Resources as people name them. An admin asks about "this instance", but
 * connect:StartContactRecording applies to contacts: when an action's resource types (from the
 * service authorization reference, via the catalog) are children of the named resource, the
 * question is answered for the resource's children — "any contact of this instance" — by an ARN
 * whose child ids are `*`. A policy whose Resource covers every such child (…/contact/*) matches
 * it; one naming a single contact does not, and the answer says which type was evaluated.
 */
import {
  arnHasFormatOf,
  arnServiceInfo,
  findAction,
  resourceTypeForArn,
  resourceTypeOfServiceForArn,
  resourceTypesForService,
  serviceExists,
  suggestAction,
  suggestArnService,
  suggestService,
  type CatalogAction,
  type CatalogResourceType,
} from '../catalog/index.js';
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

/** Names longer than this get no suggestion (the edit distance is O(length) per candidate). */
const MAX_SUGGEST_LENGTH = 128;

/** The action's catalog entry, or BAD_USER_INPUT naming the problem and the closest action. */
export function requireAction(action: string): CatalogAction {
  const found = findAction(action);
  if (found) return found;
  let suggestion: string | undefined;
  const colon = action.indexOf(':');
  if (colon > 0 && action.length <= MAX_SUGGEST_LENGTH) {
    const service = action.slice(0, colon);
    const name = action.slice(colon + 1);
    const known = serviceExists(service) ? service : suggestService(service);
    if (known) suggestion = (known !== service ? findAction(`${known}:${name}`)?.name : undefined) ?? suggestAction(known, name);
    if (suggestion) suggestion = findAction(suggestion)?.name ?? suggestion;
  }
  throw new InvalidQuestionError(`Unknown action "${quoted(action)}": the catalog has no such action${suggestion ? ` (did you mean ${suggestion}?)` : ''}`, {
    argumentName: 'action',
    ...(suggestion ? { suggestion } : {}),
  });
}

/**
 * A resource is named by its ARN (contract, Semantics): `arn:partition:service:region:account:resource`
 * ("Identify AWS resources with Amazon Resource Names (ARNs)"), or `*`. Anything else is refused
 * (BAD_USER_INPUT). Returns warnings for an ARN whose service namespace no resource type uses —
 * usually a misspelling, named with the closest known one.
 */
export function checkResourceArn(resource: string): string[] {
  if (resource === '*') return [];
  const fields = resource.split(':');
  if (fields.length < 6 || fields[0] !== 'arn' || fields[1] === '' || fields[2] === '' || fields.slice(5).join(':') === '') {
    throw new InvalidQuestionError(
      `${quoted(resource)} is not an ARN: a resource is named arn:partition:service:region:account:resource (e.g. arn:aws:connect:us-east-1:123456789012:instance/ID), or "*"`,
      { argumentName: 'resource' },
    );
  }
  const service = fields[2];
  if (/[*?]/.test(service) || arnServiceInfo(service)) return [];
  const suggestion = service.length <= MAX_SUGGEST_LENGTH ? suggestArnService(service) : undefined;
  return [
    `No AWS resource type has ARNs in the "${quoted(service)}" namespace${suggestion ? ` (did you mean ${suggestion}?)` : ''}: ${quoted(resource)} is evaluated as written`,
  ];
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
  // Another service's resource: sts:AssumeRole applies to sts's "role", an IAM role ARN; ssm:StartSession
  // to ssm's "instance", an EC2 instance ARN. Answered on that resource (contract, Semantics).
  const onActionService = resourceTypeOfServiceForArn(resource, action.service);
  if (onActionService && types.includes(onActionService.name)) return { resource, resourceType: onActionService.name, children: false };
  const byName = new Map(resourceTypesForService(action.service).map((t) => [t.name, t]));
  // A pattern over one of the action's types (…/queue/*, which the catalog also knows as
  // "wildcard-queue"): the action's type has that format, so it is answered on it.
  for (const name of types) {
    const type = byName.get(name);
    if (type && arnHasFormatOf(resource, type)) return { resource, resourceType: name, children: false };
  }
  for (const name of types) {
    const type = byName.get(name);
    const child = type && childArnUnder(resource, type);
    if (child) return { resource: child, resourceType: name, children: true };
  }
  if (!own) {
    // An ARN the catalog cannot type (a placeholder, a new resource type): evaluate as given.
    return { resource, resourceType: undefined, children: false };
  }
  throw new InvalidQuestionError(`${action.name} applies to ${types.join(', ')} resources, not to ${own.name} ${quoted(resource)}`, {
    argumentName: 'resource',
    resourceType: own.name,
    actionResourceTypes: types,
  });
}
