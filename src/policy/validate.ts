/**
 * Policy validation in the shape of IAM Access Analyzer's ValidatePolicy: findings of type ERROR,
 * SECURITY_WARNING, WARNING and SUGGESTION, each with a stable code (see finding-codes.ts) and the
 * 1-based line and column it refers to.
 *
 * Rules: "Grammar of the IAM JSON policy language", "IAM JSON policy element reference",
 * "IAM policy validation check reference", "SCP syntax", "IAM and AWS STS quotas".
 */
import {
  actionSupportsConditionKey,
  arnServiceInfo,
  conditionKeyType,
  expandActionPattern,
  findAction,
  findGlobalConditionKey,
  findServiceConditionKey,
  serviceExists,
  suggestAction,
  suggestArnService,
  suggestService,
  editDistance,
  type ArnServiceInfo,
  type CatalogAction,
} from '../catalog/index.js';
import { splitArn } from '../util/arn.js';
import { isRetiredService } from '../catalog/retired-services.js';
import { compileGlobLower, type Matcher } from '../util/wildcard.js';
import { FINDING_CODES, learnMoreLink, type FindingCode } from './finding-codes.js';
import { locate, pathString } from './location.js';
import type { CheckContext } from './checks/context.js';
import { checkVariables } from './checks/variables.js';
import { checkSensitiveActions } from './checks/sensitive-actions.js';
import { checkRedundantResources, checkRedundantStatements } from './checks/redundancy.js';
import { checkConditionValueRules } from './checks/condition-values.js';
import { checkOrganizationsPolicy } from './checks/organizations.js';
import { checkPrincipals } from './checks/principals.js';
import { checkUnsupportedTagKeys } from './checks/tag-keys.js';
import { JsonSyntaxError } from './json.js';
import {
  hasSubstitutedVariable,
  isValidConditionValue,
  knownOperatorNames,
  parseConditionOperator,
  type OperatorCategory,
  type ParsedOperator,
} from './operators.js';
import { parsePolicy } from './parse.js';
import type { JsonNode } from './json-tree.js';
import type { Condition, Finding, PolicyDocument, PolicyType, SourcePosition, Statement, ValidatePolicyResourceType } from './types.js';

export interface ValidateOptions {
  /** Default IDENTITY_POLICY. */
  policyType?: PolicyType;
  /** Repair trailing / missing commas (each repair is reported as a WARNING). */
  lenient?: boolean;
  /**
   * Access Analyzer's validatePolicyResourceType, for RESOURCE_POLICY: `AWS::IAM::AssumeRolePolicyDocument`
   * turns on the role trust policy checks.
   */
  resourceType?: ValidatePolicyResourceType;
  /**
   * What kind of identity policy a stored document is, when known: its size is then checked
   * against that kind's quota too ("IAM and AWS STS quotas").
   */
  identityPolicyKind?: IdentityPolicyKind;
}

export type IdentityPolicyKind = 'MANAGED' | 'USER_INLINE' | 'GROUP_INLINE' | 'ROLE_INLINE';

/**
 * "IAM and AWS STS quotas": managed policy 6,144 characters; inline policies (all of a principal's
 * together) 2,048 for a user, 5,120 for a group, 10,240 for a role. IAM does not count white space.
 */
export const IDENTITY_POLICY_KIND_MAX_CHARS: Readonly<Record<IdentityPolicyKind, number>> = {
  MANAGED: 6144,
  USER_INLINE: 2048,
  GROUP_INLINE: 5120,
  ROLE_INLINE: 10240,
};

export interface PolicyValidationResult {
  /** True when no finding is an ERROR. */
  valid: boolean;
  /** Ordered by line and column. */
  findings: Finding[];
  /** The parsed document, when the text was JSON. A lone statement fragment yields no statements. */
  document?: PolicyDocument;
}

/**
 * The largest identity policy of any kind (a role's inline policies, 10,240 characters without
 * white space): where Access Analyzer's POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA starts.
 */
export const IDENTITY_POLICY_MAX_CHARS = 10240;
/** @deprecated the managed policy quota; see IDENTITY_POLICY_KIND_MAX_CHARS. */
export const MANAGED_POLICY_MAX_CHARS = 6144;
/** SCPs and RCPs: 5,120 characters, white space counted (AWS Organizations quotas). */
export const SCP_MAX_CHARS = 5120;
/** The largest resource-based policy AWS accepts (S3 bucket policies, 20 KB). */
export const RESOURCE_POLICY_MAX_CHARS = 20480;

const PARTITIONS = new Set(['aws', 'aws-cn', 'aws-us-gov', 'aws-iso', 'aws-iso-b', 'aws-iso-e', 'aws-iso-f', 'aws-eusc']);
const REGION_RE = /^[a-z]{2}(-[a-z]+)+-\d+$/;
const ACCOUNT_RE = /^\d{12}$/;
/** Words documentation uses in place of real values, alone or as <thing>Id / <thing>-name / … */
const PLACEHOLDER_SEGMENT_RE =
  /^(?:[a-z]+[-_])*(?:account|instance|key|domain|resource|bucket|role|user|contact|queue|flow|profile|integration|object|function|table|stream|group|policy|region|partition|customer|connect)[-_ ]?(?:id|name|arn|number)$|^(?:name|id|region|partition|placeholder|example)$/i;

const hasWildcardOrVariable = (s: string) => /[*?]|\$\{/.test(s);

/**
 * Names longer than this get no "did you mean" suggestion: no AWS service prefix, action name or
 * condition operator comes near it, and the edit distance costs O(length) per candidate, so a
 * 1 MB name against the whole catalog would take minutes.
 */
const MAX_SUGGEST_LENGTH = 128;

/**
 * "Did you mean" suggestions per validation. Each costs a scan of the catalog; a policy with more
 * misspellings than this is not a typo, and its findings still name every unknown entry.
 */
const MAX_SUGGESTIONS = 100;

/** REDUNDANT_ACTION "covered by" checks consider at most this many distinct wildcard entries per list. */
const MAX_COVER_CANDIDATES = 256;

/**
 * Case-insensitive wildcard test (`*`, `?`) in linear time. A RegExp built from the pattern
 * (`.*` per `*`) backtracks polynomially on patterns such as `s3:a*a*a*a*a*a*a*a*b`, and V8 rejects
 * one built from a 1 MB pattern ("regular expression too large").
 */
function wildcardMatch(pattern: string, text: string): boolean {
  let matcher = compiledPatterns.get(pattern);
  if (matcher === undefined) {
    matcher = compileGlobLower(pattern);
    // Only short patterns are kept: 1,024 cached megabyte patterns would hold gigabytes.
    if (pattern.length <= 256) {
      if (compiledPatterns.size >= 1024) compiledPatterns.clear();
      compiledPatterns.set(pattern, matcher);
    }
  }
  return matcher(text.toLowerCase());
}
/**
 * Catalog expansions of action patterns, across validations: linting a store of 20,000 policies
 * expands the same `s3:Get*` thousands of times.
 */
const expansions = new Map<string, CatalogAction[]>();
function expandCached(pattern: string): CatalogAction[] {
  let r = expansions.get(pattern);
  if (r === undefined) {
    if (expansions.size >= 4096) expansions.clear();
    expansions.set(pattern, (r = expandActionPattern(pattern)));
  }
  return r;
}

/** Compiled action patterns: a big policy repeats the same few thousands of times. */
const compiledPatterns = new Map<string, Matcher>();

export function validatePolicy(text: string, options: ValidateOptions = {}): PolicyValidationResult {
  const policyType: PolicyType = options.policyType ?? 'IDENTITY_POLICY';
  let parsed;
  try {
    parsed = parsePolicy(text, { lenient: options.lenient === true, acceptStatementFragment: true });
  } catch (e) {
    if (e instanceof JsonSyntaxError) {
      return {
        valid: false,
        findings: [
          {
            findingType: 'ERROR',
            code: 'JSON_SYNTAX_ERROR',
            message: `Invalid JSON: ${e.reason} at line ${e.line}, column ${e.column}${syntaxHint(text)}`,
            line: e.line,
            column: e.column,
            offset: e.offset,
            path: '',
            learnMoreLink: learnMoreLink('JSON_SYNTAX_ERROR'),
          },
        ],
      };
    }
    throw e;
  }
  const { document, repairs, root } = parsed;
  const v = new Validator(document, policyType, options);
  // A loop, not push(...): a 1 MB policy can carry 100,000+ problems, beyond the spread limit.
  for (const f of repairs) v.findings.push(f);
  for (const f of document.problems ?? []) v.findings.push(f);
  v.run(text);
  if (root) addPaths(v.findings, root);
  else for (const f of v.findings) f.learnMoreLink ??= learnMoreLink(f.code);
  const findings = v.findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => (a.f.line ?? 0) - (b.f.line ?? 0) || (a.f.column ?? 0) - (b.f.column ?? 0) || a.i - b.i)
    .map((x) => x.f);
  const fragment = (document.problems ?? []).some((p) => p.code === 'STATEMENT_WITHOUT_DOCUMENT');
  return {
    valid: !findings.some((f) => f.findingType === 'ERROR'),
    findings,
    document: fragment ? { ...document, statements: [] } : document,
  };
}

/** Fills each finding's JSON path (from its source offset) and learnMoreLink. */
function addPaths(findings: Finding[], root: JsonNode): void {
  let lastOffset = -1;
  let lastPath = '';
  for (const f of findings) {
    const link = learnMoreLink(f.code);
    if (link !== undefined) f.learnMoreLink ??= link;
    if (f.offset === undefined) continue;
    // A list entry's findings come one after the other: one path walk for all of them.
    if (f.offset !== lastOffset) {
      lastOffset = f.offset;
      lastPath = pathString(locate(root, f.offset).path);
    }
    f.path = lastPath;
  }
}

class Validator {
  readonly findings: Finding[] = [];
  /**
   * Catalog look-ups by argument: a list that repeats an entry (a 1 MB policy can hold 100,000
   * copies of "s3:Nope") pays for each expansion or suggestion once.
   */
  private readonly lookups = new Map<string, unknown>();
  private lookup<T>(kind: string, key: string, f: () => T): T {
    const k = `${kind}\u0000${key}`;
    if (this.lookups.has(k)) return this.lookups.get(k) as T;
    const v = f();
    this.lookups.set(k, v);
    return v;
  }
  private suggestionsLeft = MAX_SUGGESTIONS;
  /** A cached suggestion for a misspelt name, within the length and count limits above. */
  private suggest(kind: string, key: string, f: () => string | undefined): string | undefined {
    if (key.length > MAX_SUGGEST_LENGTH) return undefined;
    const k = `${kind}\u0000${key}`;
    if (this.lookups.has(k)) return this.lookups.get(k) as string | undefined;
    if (this.suggestionsLeft <= 0) return undefined;
    this.suggestionsLeft--;
    return this.lookup(kind, key, f);
  }
  private readonly fragment: boolean;
  private readonly policyType: PolicyType;
  private readonly trustPolicy: boolean;
  private readonly ctx: CheckContext;

  constructor(
    private readonly document: PolicyDocument,
    policyType: PolicyType,
    private readonly options: ValidateOptions,
  ) {
    this.fragment = (document.problems ?? []).some((p) => p.code === 'STATEMENT_WITHOUT_DOCUMENT');
    this.policyType = policyType;
    this.trustPolicy = policyType === 'RESOURCE_POLICY' && options.resourceType === 'AWS::IAM::AssumeRolePolicyDocument';
    this.ctx = {
      document,
      policyType,
      resourceType: options.resourceType,
      trustPolicy: this.trustPolicy,
      fragment: this.fragment,
      add: (code, message, position) => this.add(code, message, position),
    };
  }

  private add(code: FindingCode, message: string, position?: SourcePosition): void {
    const p = position ?? this.document.position;
    this.findings.push({ findingType: FINDING_CODES[code].findingType, code, message, line: p.line, column: p.column, offset: p.offset, path: '' });
  }

  run(text: string): void {
    const doc = this.document;
    const notObject = (doc.problems ?? []).some((p) => p.code === 'POLICY_NOT_OBJECT');
    if (notObject) return;
    const keys = doc.keys ?? {};

    if (!this.fragment) {
      if (!('Version' in keys)) {
        this.add(
          'MISSING_VERSION',
          'No Version element: AWS then applies the 2008-10-17 language, in which policy variables such as ${aws:username} are plain text. Add "Version": "2012-10-17"',
        );
      } else if (doc.version !== undefined && doc.version !== '2012-10-17' && doc.version !== '2008-10-17') {
        this.add('INVALID_VERSION', `Version must be "2012-10-17" (or the outdated "2008-10-17"), not "${doc.version}"`, doc.versionPosition);
      } else if (doc.version === '2008-10-17') {
        this.add('OLD_VERSION', 'Version 2008-10-17 is outdated and does not support policy variables; use "2012-10-17"', doc.versionPosition);
      }
      if (!('Statement' in keys)) this.add('MISSING_STATEMENT', 'The policy has no Statement element');
    }

    this.checkSize(text);

    const sids = new Map<string, Statement>();
    const organizations = this.policyType === 'SERVICE_CONTROL_POLICY' || this.policyType === 'RESOURCE_CONTROL_POLICY';
    for (const s of doc.statements) {
      if (s.sid !== undefined && s.sid !== '') {
        const first = sids.get(s.sid);
        if (first) {
          this.add(
            organizations ? 'UNIQUE_SIDS_REQUIRED' : 'UNIQUE_SIDS_RECOMMENDED',
            `Sid "${s.sid}" is already used by statement ${first.index + 1} (line ${first.position.line}); Sids must be unique within a policy`,
            s.source?.sid ?? s.position,
          );
        } else sids.set(s.sid, s);
      } else if (s.sid === '') {
        this.add('EMPTY_SID_VALUE', 'Sid is the empty string; remove it or give the statement a name', s.source?.sid ?? s.position);
      }
      this.checkStatement(s);
    }
    checkRedundantStatements(this.ctx);
  }

  private checkSize(text: string): void {
    if (this.policyType === 'IDENTITY_POLICY') {
      let n = 0;
      for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 9 && c !== 10 && c !== 13) n++;
      }
      if (n > IDENTITY_POLICY_MAX_CHARS) {
        this.add(
          'POLICY_SIZE_EXCEEDS_IDENTITY_POLICY_QUOTA',
          `The policy has ${n} characters without white space; no identity policy may have more than ${IDENTITY_POLICY_MAX_CHARS} (a role's inline policies; managed policies: 6,144, a user's inline policies: 2,048, a group's: 5,120)`,
        );
      }
      const kind = this.options.identityPolicyKind;
      if (kind && n > IDENTITY_POLICY_KIND_MAX_CHARS[kind] && n <= IDENTITY_POLICY_MAX_CHARS) {
        const what = {
          MANAGED: 'a managed policy',
          USER_INLINE: "a user's inline policies",
          GROUP_INLINE: "a group's inline policies",
          ROLE_INLINE: "a role's inline policies",
        }[kind];
        this.add(
          'POLICY_SIZE_EXCEEDS_QUOTA_FOR_KIND',
          `The policy has ${n} characters without white space; ${what} may have at most ${IDENTITY_POLICY_KIND_MAX_CHARS[kind]} ("IAM and AWS STS quotas")`,
        );
      }
    } else if (this.policyType === 'SERVICE_CONTROL_POLICY' || this.policyType === 'RESOURCE_CONTROL_POLICY') {
      const scp = this.policyType === 'SERVICE_CONTROL_POLICY';
      if (text.length > SCP_MAX_CHARS) {
        this.add(
          scp ? 'POLICY_SIZE_EXCEEDS_SCP_QUOTA' : 'POLICY_SIZE_EXCEEDS_RCP_QUOTA',
          `The ${scp ? 'SCP' : 'RCP'} has ${text.length} characters; AWS Organizations allows at most ${SCP_MAX_CHARS}, white space included`,
        );
      }
    } else if (text.length > RESOURCE_POLICY_MAX_CHARS) {
      this.add(
        'POLICY_SIZE_EXCEEDS_RESOURCE_POLICY_QUOTA',
        `The policy has ${text.length} characters; resource-based policies are limited to at most ${RESOURCE_POLICY_MAX_CHARS} (S3 bucket policies), and less for most services`,
      );
    }
  }

  private checkStatement(s: Statement): void {
    const keys = s.source?.keys ?? {};
    const label = `Statement ${s.index + 1}${s.sid ? ` ("${s.sid}")` : ''}`;

    // Sid
    if (s.sid !== undefined && (this.policyType === 'IDENTITY_POLICY' || this.policyType === 'SERVICE_CONTROL_POLICY') && !/^[A-Za-z0-9]*$/.test(s.sid)) {
      this.add('UNSUPPORTED_SID', `Sid "${s.sid}" may contain only ASCII letters and digits in this policy type`, s.source?.sid);
    }
    // Effect
    if (!('Effect' in keys)) this.add('MISSING_EFFECT', `${label} has no Effect; add "Effect": "Allow" or "Effect": "Deny"`, s.position);

    // Action / NotAction
    if ('Action' in keys && 'NotAction' in keys) {
      this.add('UNSUPPORTED_ELEMENT_COMBINATION', `${label} has both Action and NotAction; use one of them`, keys.NotAction);
    } else if (!('Action' in keys) && !('NotAction' in keys)) {
      this.add('MISSING_ACTION', `${label} has neither Action nor NotAction`, s.position);
    } else {
      const list = 'Action' in keys ? s.action : s.notAction;
      const name = 'Action' in keys ? 'Action' : 'NotAction';
      if (list && list.length === 0 && !this.hasProblemAt(keys[name], 'DATA_TYPE_MISMATCH')) {
        this.add('MISSING_ACTION', `${label}: ${name} is an empty list`, keys[name]);
      }
    }

    // Resource / NotResource
    if ('Resource' in keys && 'NotResource' in keys) {
      this.add('UNSUPPORTED_ELEMENT_COMBINATION', `${label} has both Resource and NotResource; use one of them`, keys.NotResource);
    } else if (!('Resource' in keys) && !('NotResource' in keys)) {
      if (this.policyType === 'IDENTITY_POLICY') {
        this.add(
          'MISSING_RESOURCE',
          `${label} has neither Resource nor NotResource; identity-based policies need one (use "Resource": "*" for all resources)`,
          s.position,
        );
      }
    } else {
      const list = 'Resource' in keys ? s.resource : s.notResource;
      const name = 'Resource' in keys ? 'Resource' : 'NotResource';
      if (list && list.length === 0) this.add('MISSING_RESOURCE', `${label}: ${name} is an empty list`, keys[name]);
    }

    // Principal / NotPrincipal
    const hasP = 'Principal' in keys;
    const hasNP = 'NotPrincipal' in keys;
    if (hasP && hasNP) this.add('UNSUPPORTED_ELEMENT_COMBINATION', `${label} has both Principal and NotPrincipal; use one of them`, keys.NotPrincipal);
    if (this.policyType === 'IDENTITY_POLICY') {
      if (hasP)
        this.add(
          'UNSUPPORTED_PRINCIPAL',
          `${label}: Principal is not allowed in an identity-based policy (the principal is whoever the policy is attached to)`,
          keys.Principal,
        );
      if (hasNP) this.add('UNSUPPORTED_PRINCIPAL', `${label}: NotPrincipal is not allowed in an identity-based policy`, keys.NotPrincipal);
    } else if (this.policyType === 'SERVICE_CONTROL_POLICY') {
      if (hasP) this.add('SCP_SYNTAX_ERROR_PRINCIPAL', `${label}: service control policies do not support the Principal element`, keys.Principal);
      if (hasNP) this.add('SCP_SYNTAX_ERROR_PRINCIPAL', `${label}: service control policies do not support the NotPrincipal element`, keys.NotPrincipal);
    } else if (this.policyType === 'RESOURCE_CONTROL_POLICY') {
      // RCP principals: organizations.ts.
    } else if (!hasP && !hasNP) {
      this.add('MISSING_PRINCIPAL', `${label} names no Principal; a resource-based policy statement must say whom it applies to`, s.position);
    }
    if (hasNP && s.effect === 'Allow' && this.policyType === 'RESOURCE_POLICY') {
      this.add(
        'ALLOW_WITH_NOT_PRINCIPAL',
        `${label}: Allow with NotPrincipal grants access to every principal not listed, anonymous ones included; name the principals in Principal instead`,
        keys.NotPrincipal,
      );
    }

    const usableActions = this.checkActions(s, label);
    const usableResources = this.checkResources(s);
    this.checkConditions(s, usableActions.actions, usableActions.all);
    checkVariables(this.ctx, s);
    checkConditionValueRules(this.ctx, s);
    checkSensitiveActions(this.ctx, s);
    checkOrganizationsPolicy(this.ctx, s);
    checkPrincipals(this.ctx, s);
    if (!usableActions.all) checkUnsupportedTagKeys(this.ctx, s, usableActions.actions);

    // A statement that can never apply.
    const verb = s.effect === 'Deny' ? 'denies' : 'grants';
    if (s.action && s.action.length > 0 && usableActions.entries === 0) {
      this.add('STATEMENT_GRANTS_NOTHING', `${label} ${verb} nothing: none of its actions exists`, s.position);
    } else if (s.resource && s.resource.length > 0 && usableResources === 0) {
      this.add('STATEMENT_GRANTS_NOTHING', `${label} ${verb} nothing: none of its resources can match a real resource`, s.position);
    }

    // Risky grants (Allow only). An Allow in an SCP or RCP grants nothing: it only leaves room
    // (AWS's own FullAWSAccess / RCPFullAWSAccess are "*" on "*").
    if (s.effect === 'Allow' && this.policyType !== 'SERVICE_CONTROL_POLICY' && this.policyType !== 'RESOURCE_CONTROL_POLICY') {
      if ('NotAction' in keys && !('Action' in keys)) {
        this.add(
          'ALLOW_WITH_NOT_ACTION',
          `${label} allows every action except the listed ones, including actions AWS adds later; list the allowed actions instead`,
          keys.NotAction,
        );
      }
      if ('NotResource' in keys && !('Resource' in keys)) {
        this.add(
          'ALLOW_WITH_NOT_RESOURCE',
          `${label} allows access to every resource except the listed ones; list the allowed resources instead`,
          keys.NotResource,
        );
      }
      const starResource = (s.resource ?? []).includes('*');
      const allActions = (s.action ?? []).some((a) => a === '*' || a === '*:*');
      if (allActions && starResource) {
        this.add(
          'FULL_ACCESS',
          `${label} allows all actions on all resources (administrator access)${s.conditions.length ? ', limited only by its conditions' : ''}`,
          keys.Action,
        );
      }
    }
  }

  private hasProblemAt(pos: SourcePosition | undefined, code: string): boolean {
    if (!pos) return false;
    return (this.document.problems ?? []).some((p) => p.code === code && p.line === pos.line);
  }

  /** Checks Action / NotAction entries; returns the catalog actions they name. */
  private checkActions(s: Statement, label: string): { actions: CatalogAction[]; entries: number; all: boolean } {
    const out = new Set<CatalogAction>();
    let entries = 0;
    let all = false;
    for (const field of ['action', 'notAction'] as const) {
      const list = s[field];
      if (!list) continue;
      const positions = s.source?.[field] ?? [];
      const seen = new Map<string, number>();
      // Candidates for "covered by": the distinct wildcard entries, first occurrence each (the same
      // answers as scanning the whole list), at most MAX_COVER_CANDIDATES of them so that a huge
      // list costs O(entries), not O(entries²).
      const wild: { other: string; j: number }[] = [];
      const wildSeen = new Set<string>();
      list.forEach((other, j) => {
        const l = other.toLowerCase();
        if (wild.length < MAX_COVER_CANDIDATES && /[*?]/.test(other) && !wildSeen.has(l)) {
          wildSeen.add(l);
          wild.push({ other, j });
        }
      });
      list.forEach((value, i) => {
        const pos = positions[i] ?? s.position;
        const lower = value.toLowerCase();
        if (seen.has(lower)) {
          this.add('REDUNDANT_ACTION', `"${value}" is listed twice in ${label}`, pos);
        } else {
          seen.set(lower, i);
          const cover = wild.find(
            ({ other, j }) =>
              j !== i && other !== value && other.toLowerCase() !== lower && wildcardMatch(other, value) && !(wildcardMatch(value, other) && j > i),
          )?.other;
          if (cover) this.add('REDUNDANT_ACTION', `"${value}" is already covered by "${cover}" in ${label}`, pos);
        }
        const r = this.checkAction(value, pos);
        if (r.all) all = true;
        if (r.ok) entries++;
        // Only condition checks read the actions (a statement of `ec2:Describe*` names hundreds).
        if (field === 'action' && s.conditions.length > 0) for (const a of r.actions) out.add(a);
      });
    }
    return { actions: [...out], entries, all };
  }

  private checkAction(value: string, pos: SourcePosition): { ok: boolean; all?: boolean; actions: CatalogAction[] } {
    if (value === '*') return { ok: true, all: true, actions: [] };
    const i = value.indexOf(':');
    if (i < 0) {
      this.add('INVALID_ACTION_FORMAT', `Action "${value}" has no service prefix; write it as "service:Action" (e.g. "connect:DescribeUser")`, pos);
      return { ok: false, actions: [] };
    }
    const service = value.slice(0, i);
    const name = value.slice(i + 1);
    if (service === '') {
      this.add('INVALID_ACTION_FORMAT', `Action "${value}" has an empty service prefix`, pos);
      return { ok: false, actions: [] };
    }
    if (name === '' || name.startsWith(':')) {
      const fixed = name.replace(/^:+/, '');
      this.add(
        'EMPTY_ACTION_NAME',
        `Action "${value}" has an empty action name${fixed ? ` (an extra ':'; did you mean "${service}:${fixed}"?)` : ''}; it matches no action`,
        pos,
      );
      return { ok: false, actions: [] };
    }
    if (name.includes(':')) {
      this.add('INVALID_ACTION_FORMAT', `Action "${value}" has more than one ':'`, pos);
      return { ok: false, actions: [] };
    }
    if (/[*?]/.test(service)) {
      const matched = expandCached(value);
      if (matched.length === 0) {
        this.add('ACTION_PATTERN_MATCHES_NOTHING', `Action pattern "${value}" matches no AWS action`, pos);
        return { ok: false, actions: [] };
      }
      return { ok: true, all: service === '*' && name === '*', actions: [] };
    }
    if (!serviceExists(service) && isRetiredService(service)) {
      this.add(
        'RETIRED_SERVICE_IN_ACTION',
        `"${service}" in "${value}" is a retired AWS service: AWS still accepts the entry, but it grants nothing useful`,
        pos,
      );
      return { ok: true, actions: [] };
    }
    if (!serviceExists(service)) {
      const suggestion = this.suggest('service', service, () => suggestService(service));
      this.add(
        'INVALID_SERVICE_IN_ACTION',
        `"${service}" in "${value}" is not an AWS service prefix${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; this entry grants nothing`,
        pos,
      );
      return { ok: false, actions: [] };
    }
    if (/[*?]/.test(name)) {
      const matched = expandCached(value);
      if (matched.length === 0) {
        this.add('ACTION_PATTERN_MATCHES_NOTHING', `Action pattern "${value}" matches no ${service} action`, pos);
        return { ok: false, actions: [] };
      }
      return { ok: true, actions: matched };
    }
    const action = findAction(value);
    if (!action) {
      const suggestion = this.suggest('action', `${service}:${name}`, () => suggestAction(service, name));
      this.add('INVALID_ACTION', `${service} has no action "${name}"${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; this entry grants nothing`, pos);
      return { ok: false, actions: [] };
    }
    return { ok: true, actions: [action] };
  }

  /** Checks Resource / NotResource entries; returns how many Resource entries can match something. */
  private checkResources(s: Statement): number {
    let usable = 0;
    for (const field of ['resource', 'notResource'] as const) {
      const list = s[field];
      if (!list) continue;
      const positions = s.source?.[field] ?? [];
      checkRedundantResources(this.ctx, list, positions, s.position);
      list.forEach((value, i) => {
        const pos = positions[i] ?? s.position;
        const ok = this.checkResource(value, pos, field === 'resource' ? 'Resource' : 'NotResource');
        if (ok && field === 'resource') usable++;
      });
    }
    return usable;
  }

  /** Validates one Resource value; true when it can match some real resource. */
  private checkResource(value: string, pos: SourcePosition, element: string): boolean {
    if (value === '') {
      this.add('EMPTY_RESOURCE', `${element} is the empty string, which matches no resource; use "*" or an ARN`, pos);
      return false;
    }
    if (value === '*') return true;
    if (!value.startsWith('arn:')) {
      if (/^[*?]+$/.test(value)) return true;
      this.add('INVALID_ARN_PREFIX', `"${value}" is neither "*" nor an ARN (arn:partition:service:region:account:resource)`, pos);
      return false;
    }
    return this.checkArn(value, pos, true);
  }

  /**
   * Checks an ARN (or ARN pattern) for shape, partition, service, required account / Region and
   * placeholders. `asResource`: report shape errors (condition values only get placeholder checks).
   */
  private checkArn(value: string, pos: SourcePosition, asResource: boolean): boolean {
    const f = splitArn(value);
    if (f === null) {
      const colon = value.lastIndexOf(':');
      if (asResource && !(colon >= 0 && value.slice(colon + 1).includes('*'))) {
        this.add(
          'MISSING_ARN_FIELD',
          `"${value}" is not a complete ARN: it needs six ':'-separated fields (arn:partition:service:region:account:resource)`,
          pos,
        );
        return false;
      }
      return true;
    }
    const [, partition, service, region, account, resource] = f as [string, string, string, string, string, string];
    let usable = true;
    if (asResource && !PARTITIONS.has(partition) && !hasWildcardOrVariable(partition)) {
      this.add('INVALID_PARTITION', `"${partition}" in "${value}" is not an AWS partition (aws, aws-cn, aws-us-gov…)`, pos);
      usable = false;
    }
    const placeholders: string[] = [];
    if (region !== '' && !hasWildcardOrVariable(region) && !REGION_RE.test(region)) placeholders.push(`Region "${region}"`);
    if (account !== '' && !hasWildcardOrVariable(account) && !ACCOUNT_RE.test(account) && account !== 'aws') placeholders.push(`account "${account}"`);
    if (placeholders.length > 0) usable = false;
    for (const seg of resource.split(/[/:]/)) {
      if (seg !== '' && !hasWildcardOrVariable(seg) && PLACEHOLDER_SEGMENT_RE.test(seg)) placeholders.push(`"${seg}"`);
    }
    if (asResource && service !== '' && !hasWildcardOrVariable(service) && service !== service.toLowerCase()) {
      this.add('INVALID_ARN_SERVICE_CASE', `"${service}" in "${value}": service namespaces in ARNs are lower case ("${service.toLowerCase()}")`, pos);
    }
    if (asResource && account !== '' && !hasWildcardOrVariable(account) && !ACCOUNT_RE.test(account) && account !== 'aws') {
      this.add('INVALID_ARN_ACCOUNT', `"${account}" in "${value}" is not a 12-digit account ID`, pos);
    }
    if (asResource && service !== '' && !hasWildcardOrVariable(service)) {
      const info = arnServiceInfo(service);
      if (!info) {
        const suggestion = this.suggest('arnService', service, () => suggestArnService(service));
        this.add(
          'UNKNOWN_ARN_SERVICE',
          `No AWS resource type has ARNs in the "${service}" namespace${suggestion ? ` (did you mean "arn:${partition}:${suggestion}:…"?)` : ''}: "${value}" matches no real resource`,
          pos,
        );
        usable = false;
      } else {
        if (account === '' && !awsOwned(service, resource) && formatsOf(info, resource).every((t) => t.account)) {
          this.add(
            'MISSING_ARN_ACCOUNT',
            `"${value}" has an empty account field, but ${service} ARNs of this resource always name an account: it matches no resource (use the 12-digit account ID, or "*")`,
            pos,
          );
          usable = false;
        }
        const specific = specificFormatsOf(info, resource);
        if (account !== '' && !hasWildcardOrVariable(account) && specific.length > 0 && specific.every((t) => !t.account)) {
          this.add(
            'ARN_ACCOUNT_NOT_ALLOWED',
            `"${value}": ${service} ARNs of this resource have no account field; leave it empty ("arn:${partition}:${service}:${region}::${resource}")`,
            pos,
          );
          usable = false;
        }
        if (region !== '' && !hasWildcardOrVariable(region) && specific.length > 0 && specific.every((t) => !t.region)) {
          this.add('ARN_REGION_NOT_ALLOWED', `"${value}": ${service} ARNs of this resource have no Region field; leave it empty`, pos);
          usable = false;
        }
        if (region === '' && !awsOwned(service, resource) && formatsOf(info, resource).every((t) => t.region)) {
          this.add(
            'MISSING_ARN_REGION',
            `"${value}" has an empty Region field, but ${service} ARNs always name a Region: it matches no resource (use a Region such as us-east-1, or "*")`,
            pos,
          );
          usable = false;
        }
      }
    }
    if (placeholders.length > 0) {
      this.add(
        'ARN_PLACEHOLDER',
        `"${value}" contains what looks like a documentation placeholder (${placeholders.join(', ')}); it matches no real resource until replaced with real values`,
        pos,
      );
    }
    return usable;
  }

  private checkConditions(s: Statement, actions: CatalogAction[], allActions: boolean): void {
    const reportedOperators = new Set<string>();
    for (const c of s.conditions) {
      const op = parseConditionOperator(c.operator);
      const opPos = c.operatorPosition ?? c.position;
      if (!op) {
        if (!reportedOperators.has(c.operator)) {
          reportedOperators.add(c.operator);
          const nullIfExists = /^null\s*ifexists$/i.test(c.operator) || /:nullifexists$/i.test(c.operator);
          this.add(nullIfExists ? 'NULL_WITH_IF_EXISTS' : 'INVALID_CONDITION_OPERATOR', this.operatorMessage(c.operator), opPos);
        }
      }
      const keyType = this.checkConditionKey(c, s, actions, allActions);
      c.values.forEach((value, i) => {
        const vpos = c.valuePositions?.[i] ?? c.position;
        if (value.startsWith('arn:')) this.checkArn(value, vpos, false);
      });
      if (!op) continue;
      this.checkConditionValues(c, op);
      // operator vs key type
      if (keyType) {
        const base = keyType.replace(/_LIST$/, '');
        const isList = keyType.endsWith('_LIST');
        const expected: Record<string, string[]> = {
          Numeric: ['NUMERIC'],
          Date: ['DATE'],
          Bool: ['BOOLEAN'],
          IpAddress: ['IP'],
          Binary: ['BINARY'],
        };
        const ok = expected[op.category];
        const epochNumeric = op.category === 'Numeric' && c.key.toLowerCase() === 'aws:epochtime';
        // A String operator compares text: on a Bool or Date key ("StringEquals" on
        // aws:ViaAWSService with a service name) the value AWS puts in the context never equals it.
        const stringOnTyped = op.category === 'String' && (base === 'BOOLEAN' || base === 'DATE');
        if ((ok && !ok.includes(base) && !epochNumeric) || stringOnTyped) {
          const want = { NUMERIC: 'Numeric', DATE: 'Date', BOOLEAN: 'Bool', IP: 'IpAddress', BINARY: 'Binary', STRING: 'String or Arn' }[base] ?? base;
          this.add(
            'TYPE_MISMATCH',
            `${op.base} compares ${op.category} values, but "${c.key}" holds ${base.toLowerCase()} values: use a ${want} operator`,
            c.position,
          );
        }
        if (op.category !== 'Null') {
          if (isList && !op.setOperator) {
            this.add('MISSING_QUALIFIER', `"${c.key}" can hold several values; test it with ForAnyValue:${op.base} or ForAllValues:${op.base}`, c.position);
          } else if (!isList && op.setOperator === 'ForAllValues') {
            this.add(
              'FORALLVALUES_WITH_SINGLE_VALUED_KEY',
              `"${c.key}" holds a single value; ForAllValues: is meant for multivalued keys, and it also matches when the key is missing: remove ForAllValues:`,
              c.position,
            );
          } else if (!isList && op.setOperator) {
            this.add('FORANYVALUE_WITH_SINGLE_VALUED_KEY', `"${c.key}" holds a single value; ForAnyValue: is meant for multivalued keys`, c.position);
          }
        }
      }
    }
  }

  private operatorMessage(operator: string): string {
    if (/^null\s*ifexists$/i.test(operator) || /:nullifexists$/i.test(operator)) {
      return `"${operator}" is not allowed: the Null operator cannot take IfExists`;
    }
    const base = operator.replace(/^(ForAnyValue|ForAllValues):/i, '').replace(/IfExists$/i, '');
    let best: string | undefined;
    let bestD = Infinity;
    if (base.length <= MAX_SUGGEST_LENGTH)
      for (const k of knownOperatorNames()) {
        const d = editDistance(base, k);
        if (d < bestD) {
          bestD = d;
          best = k;
        }
      }
    return `Unknown condition operator "${operator}"${best && bestD <= 3 ? ` (did you mean "${best}"?)` : ''}`;
  }

  /** Checks the condition key; returns its type when known. */
  private checkConditionKey(c: Condition, s: Statement, actions: CatalogAction[], allActions: boolean): string | undefined {
    const key = c.key;
    const i = key.indexOf(':');
    if (i <= 0 || i === key.length - 1) {
      this.add('INVALID_CONDITION_KEY_FORMAT', `Condition key "${key}" is not of the form "service:key" (e.g. "aws:SourceIp")`, c.position);
      return undefined;
    }
    const prefix = key.slice(0, i).toLowerCase();
    const global = findGlobalConditionKey(key);
    if (prefix === 'aws' && !global && DEPRECATED_GLOBAL_KEYS.has(key.toLowerCase())) {
      this.add(
        'DEPRECATED_GLOBAL_CONDITION_KEY',
        `"${key}" is a deprecated global condition key; ${DEPRECATED_GLOBAL_KEYS.get(key.toLowerCase())}`,
        c.position,
      );
      return undefined;
    }
    if (prefix === 'aws' && !global) {
      this.add('INVALID_GLOBAL_CONDITION_KEY', `"${key}" is not an AWS global condition key`, c.position);
      return undefined;
    }
    if (!global && !serviceExists(prefix) && isRetiredService(prefix)) return undefined;
    if (!global) {
      const serviceKey = findServiceConditionKey(key);
      if (!serviceKey) {
        this.add(
          'INVALID_SERVICE_CONDITION_KEY',
          serviceExists(prefix)
            ? `Service "${prefix}" defines no condition key "${key}"`
            : `"${prefix}" in condition key "${key}" is not an AWS service prefix`,
          c.position,
        );
        return undefined;
      }
    }
    // Which of the statement's actions support the key: service keys, and the tag keys that only
    // tag-aware actions put in the request context.
    const tagKey = /^aws:(resourcetag\/|requesttag\/|tagkeys$)/i.test(key);
    if ((!global || tagKey) && !allActions && s.action && actions.length > 0 && !s.notAction) {
      const unique = [...new Map(actions.map((a) => [a.name, a])).values()];
      const unsupported = unique.filter((a) => !actionSupportsConditionKey(a, key));
      if (unsupported.length === unique.length) {
        this.add(
          'CONDITION_KEY_NOT_SUPPORTED',
          `None of this statement's actions supports the condition key "${key}", so it is never in their request context${s.effect === 'Allow' ? ' and the condition cannot be met (unless IfExists or a negated operator is used)' : ''}`,
          c.position,
        );
      } else if (unsupported.length > 0) {
        const names = unsupported
          .slice(0, 5)
          .map((a) => a.name)
          .join(', ');
        this.add(
          'CONDITION_KEY_PARTIALLY_SUPPORTED',
          `"${key}" is not supported by ${unsupported.length} of the statement's actions (${names}${unsupported.length > 5 ? ', …' : ''})`,
          c.position,
        );
      }
    }
    return conditionKeyType(key);
  }

  /**
   * A finding exactly where the policy language's parser (operators.ts), which the evaluator also
   * compiles with, rejects a value: such a value matches nothing. The code and type are Access
   * Analyzer's where it has the check (TYPE_MISMATCH_BOOLEAN, _NUMBER, _DATE are its WARNINGs;
   * TYPE_MISMATCH_IP_RANGE an ERROR), else the project's own (INVALID_BINARY_VALUE,
   * INVALID_ARN_CONDITION_VALUE: ERRORs).
   */
  private checkConditionValues(c: Condition, op: ParsedOperator): void {
    const variablesEnabled = this.document.version === '2012-10-17';
    const what: Record<OperatorCategory, string> = {
      Bool: 'a boolean ("true" or "false")',
      Null: 'a boolean ("true" or "false")',
      Numeric: 'a number',
      Date: 'a date (ISO 8601 such as 2024-01-31T12:00:00Z, or seconds since the epoch)',
      IpAddress: 'an IP address or CIDR range (203.0.113.0/24, 2001:db8::/32)',
      Binary: 'base64-encoded binary',
      Arn: 'an ARN (six colon-separated components, wildcards allowed) or "*"',
      String: 'a string',
    };
    const bools = new Set<string>();
    c.values.forEach((value, i) => {
      // Substituted variables are resolved at request time.
      if (hasSubstitutedVariable(op, value, variablesEnabled)) return;
      if (!isValidConditionValue(op.category, value)) {
        const literal = value.includes('${') && !op.variables ? ` (${op.base} does not take policy variables)` : '';
        const code = op.category === 'Arn' ? 'INVALID_ARN_CONDITION_VALUE' : (VALUE_CODES[op.category] ?? 'TYPE_MISMATCH');
        this.add(
          code,
          `"${value}" is not ${what[op.category]}${literal} (operator ${c.operator}, key "${c.key}"); it matches nothing`,
          c.valuePositions?.[i] ?? c.position,
        );
      } else if (op.category === 'Bool' || op.category === 'Null') bools.add(value.toLowerCase());
    });
    if (bools.size === 2) {
      this.add('INVALID_CONDITION_MULTIPLE_BOOLEAN', `${c.operator} on "${c.key}" lists both true and false, so it always matches`, c.position);
    }
  }
}

/**
 * AWS-owned resources (SSM documents and automation definitions named AWS-…, public parameters
 * under /aws/service, Resource Explorer's AWSServiceView… views) have ARNs without an account even
 * where the service's own resources carry one; a pattern ("document/*") may cover them too.
 */
function awsOwned(service: string, resource: string): boolean {
  // IAM has no AWS-owned resources without an account (AWS managed policies are arn:aws:iam::aws:…).
  if (service.toLowerCase() === 'iam') return false;
  const name = resource.replace(/^[^/:]*[/:]+/, '');
  return /^[*?]/.test(resource) || /^[*?]/.test(name) || /^(aws|amazon)/i.test(name);
}

/**
 * The catalog's ARN formats in this namespace whose resource part can describe `resource` (by the
 * literal text before the format's first variable); all of them when none does.
 */
function formatsOf(info: ArnServiceInfo, resource: string): { account: boolean; region: boolean }[] {
  const all: { account: boolean; region: boolean; prefix: string }[] = [];
  for (const t of info.resourceTypes) {
    for (const pattern of t.arnPattern.split(/,\s*/)) {
      const f = splitArn(pattern);
      if (f === null) continue;
      all.push({ account: f[4] !== '', region: f[3] !== '', prefix: f[5]!.split('${')[0].toLowerCase() });
    }
  }
  const lower = resource.toLowerCase();
  const matching = all.filter((t) => t.prefix !== '' && lower.startsWith(t.prefix));
  return matching.length > 0 ? matching : all;
}

/** Access Analyzer's code for a value its operator cannot read. */
const VALUE_CODES: Record<string, FindingCode> = {
  Bool: 'TYPE_MISMATCH_BOOLEAN',
  Null: 'TYPE_MISMATCH_BOOLEAN',
  Numeric: 'TYPE_MISMATCH_NUMBER',
  Date: 'TYPE_MISMATCH_DATE',
  IpAddress: 'TYPE_MISMATCH_IP_RANGE',
  Binary: 'INVALID_BINARY_VALUE',
};

/**
 * Global keys AWS has replaced; AWS's own policies still use them, so they are warnings, not
 * unknown keys ("AWS global condition context keys": aws:PrincipalOrgMasterAccountId predates
 * "management account").
 */
const DEPRECATED_GLOBAL_KEYS = new Map<string, string>([
  ['aws:principalorgmasteraccountid', 'AWS Organizations now calls the master account the management account; compare aws:PrincipalAccount with it instead'],
]);

/**
 * The catalog's ARN formats that describe `resource` for certain: those whose literal resource
 * prefix it starts with ("role/", "function:"), else those with no literal prefix (S3 buckets and
 * objects); none when the resource starts with a wildcard.
 */
function specificFormatsOf(info: ArnServiceInfo, resource: string): { account: boolean; region: boolean }[] {
  if (/^[*?$]/.test(resource)) return [];
  const all: { account: boolean; region: boolean; prefix: string }[] = [];
  for (const t of info.resourceTypes) {
    for (const pattern of t.arnPattern.split(/,\s*/)) {
      const f = pattern.split(':');
      if (f.length < 6 || f[2].toLowerCase() !== info.arnService) continue;
      all.push({ account: f[4] !== '', region: f[3] !== '', prefix: f.slice(5).join(':').split('${')[0] });
    }
  }
  const prefixed = all.filter((t) => t.prefix !== '' && resource.startsWith(t.prefix));
  if (prefixed.length > 0) return prefixed;
  return all.filter((t) => t.prefix === '');
}

/** A hint for text that is clearly not a whole document (documentation excerpts often are). */
function syntaxHint(text: string): string {
  const t = text.trimStart();
  if (/^"[^"]*"\s*:/.test(t)) {
    return ' (the text starts with a "key": value pair: it looks like the inside of an object without its braces; a policy must be a whole {"Version": ..., "Statement": [...]} document)';
  }
  return '';
}
