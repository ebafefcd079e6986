/**
 * The shipped examples, read at build time from the repository's examples/ folder (and the
 * playground's own samples), so the menu always matches what is in the tree.
 */
const clauseFiles = import.meta.glob('../../examples/*.clause', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;
const ledgerFiles = {
  ...(import.meta.glob('../../examples/ledgers/*.{csv,json,ndjson}', { query: '?raw', import: 'default', eager: true }) as Record<string, string>),
  ...(import.meta.glob('../samples/*.csv', { query: '?raw', import: 'default', eager: true }) as Record<string, string>),
};
const scheduleFiles = {
  ...(import.meta.glob('../../examples/schedules/*.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>),
  ...(import.meta.glob('../samples/*.schedule.json', { query: '?raw', import: 'default', eager: true }) as Record<string, string>),
};

export interface NamedText {
  /** File name without folder or extension, e.g. "seed-contract". */
  name: string;
  /** File name as shipped, e.g. "seed-contract.clause". */
  file: string;
  text: string;
}

function named(files: Record<string, string>): NamedText[] {
  return Object.entries(files)
    .map(([path, text]) => {
      const file = path.slice(path.lastIndexOf('/') + 1);
      return { name: file.replace(/(\.schedule)?\.[a-z]+$/, ''), file, text };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}

export const EXAMPLES: NamedText[] = named(clauseFiles);
export const LEDGERS: NamedText[] = named(ledgerFiles);
export const SCHEDULES: NamedText[] = named(scheduleFiles);

export const SEED_EXAMPLE = 'seed-contract';

/** "seed-contract" → "Seed contract". */
export function title(name: string): string {
  const words = name.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
