/**
 * The one place where a name given by a user (a table, a column) becomes SQL text. Only plain
 * identifiers are accepted, each part of a dotted name quoted; anything else is refused rather
 * than escaped, so that no user text can change the shape of a query.
 */
import { SqlUnsupportedError } from './unsupported';

const PLAIN = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** `sales` → `"sales"`, `warehouse.sales` → `"warehouse"."sales"`; throws for anything else. */
export function quoteIdentifier(name: string): string {
  const parts = name.split('.');
  if (parts.length > 3 || !parts.every((p) => PLAIN.test(p))) {
    throw new SqlUnsupportedError(
      'identifier',
      `'${name}' is not a plain SQL name: use letters, digits and underscores (a letter or underscore first, at most 63), ` +
        'optionally schema-qualified with dots',
    );
  }
  return parts.map((p) => `"${p}"`).join('.');
}
