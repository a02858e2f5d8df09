/** Inputs and outputs of importFiles. */
import type { WorkloadSource } from '../workload-model.js';

export interface ImportFile {
  /** Shown in messages; for a standalone policy document, its base name names the policy. */
  name: string;
  text: string;
}

export interface ImportOptions {
  /** Repair trailing commas and missing commas in policy documents, reporting each repair. */
  lenient?: boolean;
  /** Called as work proceeds; `done` and `total` are in characters of input (for a progress bar). */
  onProgress?: (done: number, total: number) => void;
  /** Recorded on the snapshot row (the seed uses 'seed'). */
  label?: string;
  /**
   * Formats accepted (default: all). The API's importResources mutation, say, accepts only
   * 'resources'; a file of another format is refused with an ImportError naming it.
   */
  formats?: readonly ImportFormat[];
  /**
   * The account the workload state outputs come from (12 digits). Needed for an empty listing
   * (`{"Functions": []}` names no account); when given, an item of another account is refused.
   */
  account?: string;
  /** Retention (ACCESSQL_KEEP_SNAPSHOTS): after the import, keep only the newest N snapshots' history. Default: all. */
  keepSnapshots?: number;
}

export type ImportFormat =
  | 'authorization-details'
  | 'resources'
  | 'policy-document'
  | 'organization'
  | 'resource-policies'
  | 'credential-report'
  | 'ec2-instances'
  | 'lambda-functions'
  | 'glue-dev-endpoints'
  | 'sagemaker-notebooks'
  | 'cloudformation-stacks';

/** A lenient repair made to a policy document; line/column count inside that document. */
export interface ImportRepair {
  file: string;
  line: number;
  column: number;
  message: string;
  /** Element path of the document in the file, e.g. `UserDetailList[0].UserPolicyList[1].PolicyDocument`. */
  path?: string;
}

export interface ImportResult {
  snapshotId: number;
  /** Accounts whose IAM state or resources this import wrote, sorted. */
  accounts: string[];
  /** Distinct entities the import's files contained. */
  users: number;
  roles: number;
  groups: number;
  /** Managed policies with their documents (AWS and customer managed, standalone documents). */
  policies: number;
  policyVersions: number;
  inlinePolicies: number;
  statements: number;
  resources: number;
  /** Resource-based policies written (the resource policies document). */
  resourcePolicies: number;
  /** The organization an organization document replaced the stored one with, else null. */
  organization: string | null;
  organizationalUnits: number;
  organizationAccounts: number;
  /** SCPs and RCPs of the organization document. */
  organizationPolicies: number;
  /** Users of the credential reports imported (the root user's row is not a user). */
  credentialReportUsers: number;
  /** EC2 instances, Lambda functions, Glue dev endpoints, SageMaker notebooks, CloudFormation stacks. */
  workloads: number;
  /** The workload state sources this import recorded, per account (each replaced that account's earlier rows of the source). */
  workloadSources: { accountId: string; source: WorkloadSource; generatedTime: string | null }[];
  repairs: ImportRepair[];
  files: { name: string; format: ImportFormat }[];
  /** The store's data version after the import (see loadAccountModel). */
  dataVersion: string;
  /** Snapshots whose history the retention setting pruned after this import. */
  prunedSnapshots: number[];
}
