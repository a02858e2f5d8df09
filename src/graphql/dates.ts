/**
 * Dates reach the store as their sources print them: AWS CLI output `2018-10-17T20:59:39+00:00`,
 * the raw API `…Z`, Organizations `…09:30:00.000000+00:00`, snapshots `toISOString()`. The API
 * serves every one as a DateTime (graphql-scalars: RFC 3339, in UTC), one format for clients.
 */
export function toDate(text: string | null | undefined): Date | null {
  if (text === null || text === undefined || text === '') return null;
  const d = new Date(text);
  return Number.isNaN(d.getTime()) ? null : d;
}
