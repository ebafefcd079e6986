/**
 * Which of a portfolio's seller values matched no ledger row, and the ledger's names closest to
 * each. A seller written `Bryan Ortiz` for the ledger's `Brian Ortiz` otherwise evaluates to no
 * obligation at all, and payroll underpays without a sign: it is a warning with the names the
 * ledger does have (an error with `--strict`).
 */
import { editDistance } from '../language/suggest';

/** Distinct seller names of unmatched rows kept for suggestions: enough for any real sales team. */
const MAX_NAMES = 10_000;

export interface SellerProblem {
  /** The seller value as the portfolio writes it. */
  seller: string;
  /** `near-miss`: a ledger name differs only slightly (spelling, spacing, punctuation). */
  kind: 'near-miss' | 'not-found';
  /** Up to three ledger names, closest first. */
  closest: string[];
}

/** Lower case, letters and digits only: "C. Diaz" and "c diaz" are the same key. */
function looseKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Collects the seller names of rows that no contract covers (the first MAX_NAMES distinct). */
export class UnmatchedSellers {
  private readonly names = new Map<string, { name: string; rows: number }>();

  add(raw: string): void {
    const name = raw.trim();
    if (name === '') return;
    const key = name.toLowerCase();
    const entry = this.names.get(key);
    if (entry !== undefined) entry.rows++;
    else if (this.names.size < MAX_NAMES) this.names.set(key, { name, rows: 1 });
  }

  /**
   * For a seller value that matched no row: the ledger names closest to it. A near miss is a name
   * equal once case, spaces and punctuation are ignored, or within a few edits (a fifth of the
   * length, at least 1, at most 3).
   */
  problem(seller: string): SellerProblem {
    const loose = looseKey(seller);
    const limit = Math.min(3, Math.max(1, Math.floor(loose.length / 5)));
    const scored: Array<{ name: string; distance: number; rows: number }> = [];
    for (const { name, rows } of this.names.values()) {
      const other = looseKey(name);
      const distance = other === loose ? 0 : editDistance(loose, other);
      scored.push({ name, distance, rows });
    }
    scored.sort((a, b) => a.distance - b.distance || b.rows - a.rows || (a.name < b.name ? -1 : 1));
    const near = scored.filter((s) => s.distance <= limit);
    if (near.length > 0) return { seller, kind: 'near-miss', closest: near.slice(0, 3).map((s) => s.name) };
    return { seller, kind: 'not-found', closest: scored.slice(0, 3).map((s) => s.name) };
  }
}

/** The warning's text for a contract. */
export function sellerProblemMessage(contract: string, problem: SellerProblem, matchedAny: boolean): string {
  const names = problem.closest.map((n) => `'${n}'`).join(', ');
  const head = `contract ${contract}: no ledger row has the seller '${problem.seller}'`;
  const effect = matchedAny ? "that seller's sales are not counted" : 'the contract has no rows, so every total is 0 and it triggers nothing';
  if (problem.kind === 'near-miss') {
    return `${head}, but the ledger has ${names}: ${effect}. If that is the same person, write the seller as the ledger does (sellers are compared trimmed and case-insensitively)`;
  }
  return `${head}: ${effect}. ${names === '' ? 'The ledger names no seller at all' : `Sellers in the ledger that no contract covers include ${names}`}; check the portfolio's seller names against the ledger`;
}
