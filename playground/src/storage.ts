/** What survives a reload (local storage) and what a shared link carries (the URL hash). */
const TEXT_KEY = 'clause-playground:text';
const CONTEXT_KEY = 'clause-playground:context';

export interface Context {
  effectiveDate: string;
  timeZone: string;
  asOf: string;
  schedule: string;
  ledgerSample: string;
}

const DEFAULT_CONTEXT: Context = { effectiveDate: '2026-01-01', timeZone: 'UTC', asOf: '', schedule: '', ledgerSample: '' };

function get(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null; // storage disabled: the page still works, it just forgets
  }
}

function set(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    /* full or disabled */
  }
}

export const loadText = (): string | null => get(TEXT_KEY);
export const saveText = (text: string): void => set(TEXT_KEY, text);

export function loadContext(): Context {
  const shared = sharedParams();
  let stored: Partial<Context> = {};
  try {
    stored = JSON.parse(get(CONTEXT_KEY) ?? '{}') as Partial<Context>;
  } catch {
    /* ignore a damaged entry */
  }
  return {
    ...DEFAULT_CONTEXT,
    ...stored,
    ...(shared.get('effective') ? { effectiveDate: shared.get('effective')! } : {}),
    ...(shared.get('zone') ? { timeZone: shared.get('zone')! } : {}),
    ...(shared.get('asof') ? { asOf: shared.get('asof')! } : {}),
  };
}

export const saveContext = (context: Context): void => set(CONTEXT_KEY, JSON.stringify(context));

function sharedParams(): URLSearchParams {
  return new URLSearchParams(location.hash.replace(/^#/, ''));
}

/** The clause carried by the URL (`#clause=…`), if any. */
export function sharedText(): string | null {
  return sharedParams().get('clause');
}

/** A link that opens the playground with this clause and context. */
export function shareUrl(text: string, context: Pick<Context, 'effectiveDate' | 'timeZone' | 'asOf'>): string {
  const params = new URLSearchParams({ clause: text });
  if (context.effectiveDate) params.set('effective', context.effectiveDate);
  if (context.timeZone && context.timeZone !== 'UTC') params.set('zone', context.timeZone);
  if (context.asOf) params.set('asof', context.asOf);
  return `${location.origin}${location.pathname}#${params.toString()}`;
}
