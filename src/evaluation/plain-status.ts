/**
 * The status of an instance whose payment is owed at a crossing (not a minimum, a top-up or a growth): met once a
 * row (or an amount carried in) meets the target; else missed once the window is over (windowOver), pending before.
 * One rule for both engines: the in-memory report and the SQL report take it from here.
 */
import type { Status } from './report';

export function plainStatus(met: boolean, over: boolean): Status {
  return met ? 'met' : over ? 'missed' : 'pending';
}
