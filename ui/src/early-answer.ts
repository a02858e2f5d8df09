/** The hand-over between early.ts (which sends the page's first who-can question) and the who-can view. */

export const EARLY_KEY = '__accessqlEarlyAnswer';
/** The who-can view's default page size, which the early question asks for too. */
export const FIRST_PAGE_SIZE = 50;

export interface EarlyAnswer {
  key: string;
  answer: Promise<unknown>;
}

export function earlyKey(url: string, token: string | undefined, query: string, variables: Record<string, unknown>): string {
  return JSON.stringify([url, token ?? null, query, variables]);
}

/** The pending answer to exactly this request, once (a later identical request asks the server again). */
export function takeEarlyAnswer<T>(url: string, token: string | undefined, query: string, variables: Record<string, unknown>): Promise<T> | undefined {
  const g = globalThis as Record<string, unknown>;
  const early = g[EARLY_KEY] as EarlyAnswer | undefined;
  if (!early) return undefined;
  delete g[EARLY_KEY];
  return early.key === earlyKey(url, token, query, variables) ? (early.answer as Promise<T>) : undefined;
}
