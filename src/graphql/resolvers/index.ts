import { PolicyValidationResolver } from './validation.js';
import { SimulationResolver, MatchedStatementResolver } from './simulation.js';
import { AccessResolver } from './access.js';
import { PathsResolver } from './paths.js';
import { PrincipalResolver } from './principal.js';
import { PolicyResolver } from './policy.js';
import { GroupResolver } from './group.js';
import { ResourceResolver } from './resource.js';
import { ImportResolver } from './imports.js';
import { CatalogResolver } from './catalog.js';
import { CatalogActionsResolver } from './catalog-actions.js';
import { AccountResolver, OrganizationResolver } from './organization.js';
import { ChangesResolver, WhatIfResolver } from './changes.js';
import { GroupIdResolver, NodeResolver, PolicyIdResolver, PrincipalIdResolver, ResourceIdResolver, WorkloadIdResolver } from './node.js';
import { PrincipalCredentialsResolver, WorkloadResolver } from './workloads.js';

export const resolvers = [
  PolicyValidationResolver,
  SimulationResolver,
  AccessResolver,
  PathsResolver,
  PrincipalResolver,
  PolicyResolver,
  GroupResolver,
  ResourceResolver,
  ImportResolver,
  CatalogResolver,
  CatalogActionsResolver,
  OrganizationResolver,
  AccountResolver,
  ChangesResolver,
  WhatIfResolver,
  NodeResolver,
  PrincipalIdResolver,
  GroupIdResolver,
  PolicyIdResolver,
  ResourceIdResolver,
  WorkloadIdResolver,
  MatchedStatementResolver,
  WorkloadResolver,
  PrincipalCredentialsResolver,
] as const;
