/** The GraphQL documents the CLI runs in-process; their selections are what `--json` prints. */
const STATEMENTS = 'matchedStatements { policyName sid effect line column }';

const STEP = `kind from to via actions conditional missingContextKeys missingState ${STATEMENTS}`;

export const WHO_CAN = `query WhoCan($action: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String, $snapshot: Int) {
  whoCan(action: $action, resource: $resource, context: $context, includeConditional: $includeConditional, first: $first, after: $after, snapshot: $snapshot) {
    totalCount
    evaluatedResourceType
    warnings
    edges { cursor node { principal { arn name type accountId } decision conditional missingContextKeys ${STATEMENTS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const WHO_CAN_TRANSITIVE = `query WhoCanTransitive($action: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String, $snapshot: Int) {
  whoCan(action: $action, resource: $resource, context: $context, includeConditional: $includeConditional, transitive: true, first: $first, after: $after, snapshot: $snapshot) {
    totalCount
    evaluatedResourceType
    warnings
    edges { cursor node { principal { arn name type accountId } decision conditional missingContextKeys ${STATEMENTS} path { ${STEP} } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const ESCALATIONS = `query Escalations($principalArn: String, $first: Int, $after: String) {
  privilegeEscalations(principalArn: $principalArn, first: $first, after: $after) {
    totalCount
    truncated
    edges { cursor node { principal { arn name type accountId } reaches conditional path { ${STEP} } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const REACHABLE_ROLES = `query ReachableRoles($arn: String!, $first: Int, $after: String) {
  principal(arn: $arn) {
    arn
    reachableRoles(first: $first, after: $after) {
      totalCount
      edges { cursor node { role { arn name type accountId } path { ${STEP} } } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;

export const WHAT_CAN = `query WhatCan($principalArn: String!, $resource: String!, $context: [ContextEntryInput!], $includeConditional: Boolean, $first: Int, $after: String, $snapshot: Int) {
  whatCan(principalArn: $principalArn, resource: $resource, context: $context, includeConditional: $includeConditional, first: $first, after: $after, snapshot: $snapshot) {
    totalCount
    warnings
    edges { cursor node { action resource resourceType decision conditional missingContextKeys ${STATEMENTS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const SIMULATE_CUSTOM = `query Simulate($input: SimulateCustomPolicyInput!) {
  simulateCustomPolicy(input: $input) {
    results { action resource decision missingContextKeys ${STATEMENTS} }
  }
}`;

const CHANGE = `principal { arn name type accountId } action resource change before after conditionalBefore conditionalAfter missingContextKeys ${STATEMENTS}`;

export const ACCESS_CHANGES = `query AccessChanges($from: Int!, $to: Int, $first: Int, $after: String) {
  accessChanges(from: $from, to: $to, first: $first, after: $after) {
    totalCount
    gainedCount
    lostCount
    edges { cursor node { ${CHANGE} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const WHAT_IF = `query WhatIf($changes: [ChangeInput!]!, $first: Int, $after: String) {
  whatIf(changes: $changes) {
    accessChanges(first: $first, after: $after) {
      totalCount
      gainedCount
      lostCount
      edges { cursor node { ${CHANGE} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
