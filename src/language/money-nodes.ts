/** The amount nodes of an AST, wherever they are written (targets, payments, tier bounds, thresholds, caps, …). */
import type { MoneyNode } from './ast';

/** Every `money` node under `node`, in document order, except under the fields named in `skip`. */
export function moneyNodesOf(node: unknown, out: MoneyNode[], skip: ReadonlySet<string> = NONE): MoneyNode[] {
  if (Array.isArray(node)) {
    for (const item of node) moneyNodesOf(item, out, skip);
    return out;
  }
  if (node === null || typeof node !== 'object') return out;
  const fields = node as Record<string, unknown>;
  if (fields.kind === 'money') {
    out.push(node as MoneyNode);
    return out;
  }
  for (const [key, field] of Object.entries(fields)) if (key !== 'range' && !skip.has(key)) moneyNodesOf(field, out, skip);
  return out;
}

const NONE: ReadonlySet<string> = new Set();
