/**
 * Workloads from AWS CLI output, as printed (field names from each service's API reference):
 * - `aws ec2 describe-instances`: `{"Reservations": [{"OwnerId", "Instances": [{"InstanceId",
 *   "IamInstanceProfile": {"Arn", "Id"}, "State": {"Name"}, "Placement": {"AvailabilityZone"}}]}]}`.
 *   The output has no instance ARN: it is built as `arn:PARTITION:ec2:REGION:ACCOUNT:instance/ID`
 *   ("Amazon EC2 resource types" in the Service Authorization Reference), the region from the
 *   Availability Zone (unknown without one: null, the ARN's region empty), the account from the
 *   reservation's OwnerId (else the instance profile's account). The role is the instance
 *   profile's, resolved when the state is loaded (loadWorkloads).
 * - `aws lambda list-functions`: `{"Functions": [{"FunctionName", "FunctionArn", "Role", …}]}`.
 * - `aws glue get-dev-endpoints`: `{"DevEndpoints": [{"EndpointName", "RoleArn", "Status",
 *   "AvailabilityZone", …}]}`. No ARN in the output: built as
 *   `arn:PARTITION:glue:REGION:ACCOUNT:devEndpoint/NAME` ("Specifying AWS Glue resource ARNs",
 *   ARNs for non-catalog objects), the account from the role ARN (a role passed to a service is
 *   the caller's account's: iam:PassRole), the region from AvailabilityZone. When the output has no
 *   AvailabilityZone the region cannot be known: it is stored as null and the ARN's region is empty.
 * - `aws sagemaker describe-notebook-instance`: one object `{"NotebookInstanceArn",
 *   "NotebookInstanceName", "RoleArn", "NotebookInstanceStatus", …}` or a JSON array of them.
 *   `list-notebook-instances` output (`{"NotebookInstances": [...]}`) is refused when an item
 *   has no RoleArn (the CLI prints none): storing a notebook without its role would read as "no role".
 * - `aws cloudformation describe-stacks`: `{"Stacks": [{"StackId", "StackName", "RoleARN"?,
 *   "StackStatus", …}]}`; RoleARN is the stack's service role.
 *
 * Each output replaces, for each account it names, that account's workloads of the same kind
 * (see WorkloadWriter). An empty listing names no account: it needs ImportOptions.account.
 */
import { accountOfArn, parseArn } from '../../util/arn.js';
import type { WorkloadKind, WorkloadSource } from '../workload-model.js';
import type { ImportSession } from './session.js';
import { isObject, list, object, optionalString, requiredString, ShapeError, type JsonObject, type JsonPath } from './shape.js';
import { sourceOfKind, type WorkloadInsert } from './workload-writer.js';

export type WorkloadFormat = 'ec2-instances' | 'lambda-functions' | 'glue-dev-endpoints' | 'sagemaker-notebooks' | 'cloudformation-stacks';

/** Which workload output a parsed file is, from its top-level keys. */
export function detectWorkloadFormat(root: unknown): WorkloadFormat | undefined {
  if (Array.isArray(root)) {
    return root.length > 0 && root.every((x) => isObject(x) && 'NotebookInstanceArn' in x) ? 'sagemaker-notebooks' : undefined;
  }
  if (!isObject(root)) return undefined;
  if ('Reservations' in root) return 'ec2-instances';
  if ('Functions' in root) return 'lambda-functions';
  if ('DevEndpoints' in root) return 'glue-dev-endpoints';
  if ('NotebookInstanceArn' in root || 'NotebookInstances' in root) return 'sagemaker-notebooks';
  if ('Stacks' in root) return 'cloudformation-stacks';
  return undefined;
}

export function importWorkloads(session: ImportSession, format: WorkloadFormat, root: unknown): void {
  switch (format) {
    case 'ec2-instances':
      return importEc2(session, object(root, []));
    case 'lambda-functions':
      return importList(session, object(root, []), 'Functions', 'LAMBDA_FUNCTION', lambdaFunction);
    case 'glue-dev-endpoints':
      return importList(session, object(root, []), 'DevEndpoints', 'GLUE_DEV_ENDPOINT', (o, p) => glueDevEndpoint(session, o, p));
    case 'sagemaker-notebooks':
      return importSageMaker(session, root);
    case 'cloudformation-stacks':
      return importList(session, object(root, []), 'Stacks', 'CLOUDFORMATION_STACK', cloudFormationStack);
  }
}

type ItemReader = (o: JsonObject, path: JsonPath) => Omit<WorkloadInsert, 'kind' | 'raw'>;

function importList(session: ImportSession, root: JsonObject, key: string, kind: WorkloadKind, read: ItemReader): void {
  if (!(key in root) || (root[key] !== null && !Array.isArray(root[key]))) throw new ShapeError([key], `expected a list`);
  const items = list(root[key], [key]);
  if (items.length === 0) emptyListing(session, sourceOfKind(kind), [key]);
  items.forEach((v, i) => {
    const path = [key, i];
    const o = object(v, path);
    write(session, { kind, raw: o, ...read(o, path) }, path);
    if ((i + 1) % 256 === 0) session.step(i + 1, items.length);
  });
}

function write(session: ImportSession, w: WorkloadInsert, path: JsonPath): void {
  if (session.account !== null && w.accountId !== session.account) {
    throw new ShapeError(path, `${w.arn} is in account ${w.accountId}, not in ${session.account} (the account this import was given)`);
  }
  session.accounts.add(w.accountId);
  session.workloadWriter.source(w.accountId, sourceOfKind(w.kind));
  session.workloadWriter.workload(w);
  session.workloads.add(w.arn);
}

/** An empty listing says "none" only for a known account. */
function emptyListing(session: ImportSession, source: WorkloadSource, path: JsonPath): void {
  if (session.account === null) {
    throw new ShapeError(
      path,
      'the list is empty, so nothing says which account it is from; give the account (accessql import --account ID, or accountId in the API)',
    );
  }
  session.accounts.add(session.account);
  session.workloadWriter.source(session.account, source);
}

function arnIn(o: JsonObject, key: string, path: JsonPath, service?: string): string {
  const arn = requiredString(o, key, path);
  const parts = parseArn(arn);
  if (!parts || !/^\d{12}$/.test(parts.account) || (service !== undefined && parts.service !== service)) {
    throw new ShapeError([...path, key], `${arn} is not an ARN of the form arn:partition:${service ?? 'service'}:region:account-id:…`);
  }
  return arn;
}

function optionalArn(o: JsonObject, key: string, path: JsonPath, service: string): string | null {
  if (o[key] === undefined || o[key] === null) return null;
  return arnIn(o, key, path, service);
}

function lambdaFunction(o: JsonObject, path: JsonPath): Omit<WorkloadInsert, 'kind' | 'raw'> {
  const arn = arnIn(o, 'FunctionArn', path, 'lambda');
  const parts = parseArn(arn)!;
  return {
    arn,
    accountId: parts.account,
    region: parts.region || null,
    name: optionalString(o, 'FunctionName', path) ?? arn.split(':')[6] ?? arn,
    roleArn: optionalArn(o, 'Role', path, 'iam'),
    instanceProfileArn: null,
    state: optionalString(o, 'State', path),
  };
}

function cloudFormationStack(o: JsonObject, path: JsonPath): Omit<WorkloadInsert, 'kind' | 'raw'> {
  const arn = arnIn(o, 'StackId', path, 'cloudformation');
  const parts = parseArn(arn)!;
  return {
    arn,
    accountId: parts.account,
    region: parts.region || null,
    name: optionalString(o, 'StackName', path) ?? parts.resource.split('/')[1] ?? arn,
    roleArn: optionalArn(o, 'RoleARN', path, 'iam'),
    instanceProfileArn: null,
    state: optionalString(o, 'StackStatus', path),
  };
}

function glueDevEndpoint(session: ImportSession, o: JsonObject, path: JsonPath): Omit<WorkloadInsert, 'kind' | 'raw'> {
  const name = requiredString(o, 'EndpointName', path);
  const roleArn = optionalArn(o, 'RoleArn', path, 'iam');
  const accountId = roleArn ? accountOfArn(roleArn)! : session.account;
  if (!accountId) throw new ShapeError([...path, 'RoleArn'], 'missing RoleArn: nothing says which account the endpoint is in');
  const az = optionalString(o, 'AvailabilityZone', path);
  const region = az === null ? null : regionOfZone(az, [...path, 'AvailabilityZone']);
  const partition = roleArn ? parseArn(roleArn)!.partition : partitionOfRegion(region);
  return {
    arn: `arn:${partition}:glue:${region ?? ''}:${accountId}:devEndpoint/${name}`,
    accountId,
    region,
    name,
    roleArn,
    instanceProfileArn: null,
    state: optionalString(o, 'Status', path),
  };
}

function importEc2(session: ImportSession, root: JsonObject): void {
  if (root.Reservations !== null && !Array.isArray(root.Reservations)) throw new ShapeError(['Reservations'], 'expected a list');
  const reservations = list(root.Reservations, ['Reservations']);
  if (reservations.length === 0) emptyListing(session, 'EC2_INSTANCES', ['Reservations']);
  reservations.forEach((rv, r) => {
    const rpath: JsonPath = ['Reservations', r];
    const reservation = object(rv, rpath);
    const given = optionalString(reservation, 'OwnerId', rpath);
    if (given !== null && !/^\d{12}$/.test(given)) throw new ShapeError([...rpath, 'OwnerId'], `${given} is not a 12-digit account id`);
    list(reservation.Instances, [...rpath, 'Instances']).forEach((iv, i) => {
      const path: JsonPath = [...rpath, 'Instances', i];
      const o = object(iv, path);
      const id = requiredString(o, 'InstanceId', path);
      const profile =
        o.IamInstanceProfile === undefined || o.IamInstanceProfile === null ? null : object(o.IamInstanceProfile, [...path, 'IamInstanceProfile']);
      const profileArn = profile ? arnIn(profile, 'Arn', [...path, 'IamInstanceProfile'], 'iam') : null;
      // The CLI always prints OwnerId; without it, the instance profile (same account) or the account given says.
      const owner = given ?? (profileArn ? accountOfArn(profileArn)! : session.account);
      if (owner === null) throw new ShapeError([...rpath, 'OwnerId'], 'missing OwnerId: nothing says which account the instances are in');
      // The CLI always prints Placement; without an Availability Zone the Region is unknown (null, ARN region empty).
      const placement = o.Placement === undefined || o.Placement === null ? null : object(o.Placement, [...path, 'Placement']);
      const zone = placement ? optionalString(placement, 'AvailabilityZone', [...path, 'Placement']) : null;
      const region = zone === null ? null : regionOfZone(zone, [...path, 'Placement', 'AvailabilityZone']);
      const state = o.State === undefined || o.State === null ? null : optionalString(object(o.State, [...path, 'State']), 'Name', [...path, 'State']);
      const partition = profileArn ? parseArn(profileArn)!.partition : partitionOfRegion(region);
      write(
        session,
        {
          kind: 'EC2_INSTANCE',
          arn: `arn:${partition}:ec2:${region ?? ''}:${owner}:instance/${id}`,
          accountId: owner,
          region,
          name: id,
          roleArn: null,
          instanceProfileArn: profileArn,
          state,
          raw: o,
        },
        path,
      );
    });
    if ((r + 1) % 64 === 0) session.step(r + 1, reservations.length);
  });
}

function importSageMaker(session: ImportSession, root: unknown): void {
  const listing = isObject(root) && 'NotebookInstances' in root && !('NotebookInstanceArn' in root);
  if (listing && (root.NotebookInstances === null || !Array.isArray(root.NotebookInstances))) throw new ShapeError(['NotebookInstances'], 'expected a list');
  const items = listing ? (root.NotebookInstances as unknown[]) : Array.isArray(root) ? root : [root];
  const at = (i: number): JsonPath => (listing ? ['NotebookInstances', i] : Array.isArray(root) ? [i] : []);
  if (listing && items.length === 0) emptyListing(session, 'SAGEMAKER_NOTEBOOKS', ['NotebookInstances']);
  items.forEach((v, i) => {
    const path = at(i);
    const o = object(v, path);
    if (listing && (o.RoleArn === undefined || o.RoleArn === null)) {
      // A notebook always runs as a role: storing one without it would read as "no role".
      throw new ShapeError(
        [...path, 'RoleArn'],
        '`aws sagemaker list-notebook-instances` output names no notebook role (RoleArn); import `aws sagemaker describe-notebook-instance` output for each instance (one object, or a JSON array of them)',
      );
    }
    const arn = arnIn(o, 'NotebookInstanceArn', path, 'sagemaker');
    const parts = parseArn(arn)!;
    write(
      session,
      {
        kind: 'SAGEMAKER_NOTEBOOK',
        arn,
        accountId: parts.account,
        region: parts.region || null,
        name: optionalString(o, 'NotebookInstanceName', path) ?? parts.resource.split('/')[1] ?? arn,
        roleArn: optionalArn(o, 'RoleArn', path, 'iam'),
        instanceProfileArn: null,
        state: optionalString(o, 'NotebookInstanceStatus', path),
        raw: o,
      },
      path,
    );
  });
}

/**
 * `us-east-1a` → `us-east-1`; Local Zones and Wavelength Zones (`us-west-2-lax-1a`,
 * `us-east-1-wl1-bos-wlz-1`) name their parent Region first ("Regions and Zones", Amazon EC2 User Guide).
 */
export function regionOfZone(zone: string, path: JsonPath): string {
  const m = /^([a-z]{2}(?:-[a-z]+)+-\d+)(?:[a-z]|-)/.exec(zone);
  if (!m) throw new ShapeError(path, `${zone} is not an Availability Zone name (such as us-east-1a)`);
  return m[1]!;
}

/** The partition a Region belongs to ("AWS Regions" in the AWS General Reference). */
function partitionOfRegion(region: string | null): string {
  if (region === null) return 'aws';
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  if (region.startsWith('us-isob-')) return 'aws-iso-b';
  if (region.startsWith('us-iso-')) return 'aws-iso';
  return 'aws';
}
