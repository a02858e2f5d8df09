/**
 * Service prefixes that the Service Authorization Reference (and so the catalog) no longer
 * lists, for services AWS has retired, but that AWS's own managed policies still name
 * (ReadOnlyAccess names deepcomposer and iot1click; SecurityAudit names deepracer). AWS accepts
 * them in policies, so a policy naming them is not broken: it grants nothing useful.
 */
export const RETIRED_SERVICE_PREFIXES: ReadonlySet<string> = new Set([
  'builderid',
  'datazonecontrol',
  'deepcomposer',
  'deeplens',
  'deepracer',
  'elastic-inference',
  'honeycode',
  'iot1click',
  'iotroborunner',
  'iotthingsgraph',
  'mobilehub',
  'sagemaker-groundtruth-synthetic',
  'sumerian',
  'worklink',
  'zocalo',
]);

export function isRetiredService(prefix: string): boolean {
  return RETIRED_SERVICE_PREFIXES.has(prefix.toLowerCase());
}
