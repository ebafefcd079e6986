/**
 * The shipped examples, read at build time from the repository's examples/ folder (and the
 * playground's own samples), so the menu always matches what is in the tree.
 */
import cases from '../samples/cases.json';

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

/** A case of the real-clause corpus (spec/conformance/corpus/*.json): a clause with its ledger, context and expected reading. */
export interface CorpusCase {
  description: string;
  clause: string;
  /** `effectiveDate`, `timeZone`, `asOf`, and any further evaluation option a case gives. */
  context: { effectiveDate: string; timeZone?: string; asOf: string } & Record<string, unknown>;
  schedule?: unknown;
  ledger: Array<Record<string, unknown>>;
}


/** Each case is its own chunk, loaded when it is chosen. */
const corpusFiles = import.meta.glob('../../spec/conformance/corpus/*.json', { import: 'default' }) as Record<string, (() => Promise<CorpusCase>) | undefined>;
const formFiles = import.meta.glob('../samples/forms/*.json', { import: 'default' }) as Record<string, (() => Promise<CorpusCase>) | undefined>;

export interface CorpusSample {
  /** The menu value's name: the corpus case's file name without ".json" ("067-within-ninety-days-in-excess-of"), or "forms/<file>". */
  name: string;
  title: string;
  /** The menu group: real clauses of the corpus, or samples of newer forms. */
  group: 'corpus' | 'forms';
  load: () => Promise<CorpusCase>;
}

/** The cases the playground offers (playground/samples/cases.json), in its order. */
export const CORPUS_SAMPLES: CorpusSample[] = [
  ...cases.corpus.flatMap(({ case: name, title }) => {
    const load = corpusFiles[`../../spec/conformance/corpus/${name}.json`];
    return load ? [{ name, title, group: 'corpus' as const, load }] : [];
  }),
  ...cases.forms.flatMap(({ file, title }) => {
    const load = formFiles[`../samples/forms/${file}.json`];
    return load ? [{ name: `forms/${file}`, title, group: 'forms' as const, load }] : [];
  }),
];

/** "seed-contract" → "Seed contract". */
export function title(name: string): string {
  const words = name.replace(/[-_]+/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
