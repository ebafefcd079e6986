/**
 * Time-zone abbreviations people type for a contract's zone. Some are names the runtime accepts
 * with a different meaning than the writer's: `EST` is a fixed UTC−5 with no daylight saving (not
 * New York's clock), `BST` is Bangladesh, `IST` India. Others (`EDT`, `PT`, `AEST`) are no zone at
 * all. So an abbreviation is a warning naming the IANA zone most likely meant (when the runtime
 * accepts it) or part of the usage error (when it does not); the engine never substitutes a zone.
 */
import { DateTime } from 'luxon';

/** Abbreviation (upper case) → the IANA zone a contract writing it most likely means. */
const MEANT: ReadonlyMap<string, string> = new Map([
  ['EST', 'America/New_York'],
  ['EDT', 'America/New_York'],
  ['ET', 'America/New_York'],
  ['EST5EDT', 'America/New_York'],
  ['CST', 'America/Chicago'],
  ['CDT', 'America/Chicago'],
  ['CT', 'America/Chicago'],
  ['CST6CDT', 'America/Chicago'],
  ['MST', 'America/Denver'],
  ['MDT', 'America/Denver'],
  ['MT', 'America/Denver'],
  ['MST7MDT', 'America/Denver'],
  ['PST', 'America/Los_Angeles'],
  ['PDT', 'America/Los_Angeles'],
  ['PT', 'America/Los_Angeles'],
  ['PST8PDT', 'America/Los_Angeles'],
  ['AKST', 'America/Anchorage'],
  ['HST', 'Pacific/Honolulu'],
  ['GMT', 'Europe/London'],
  ['BST', 'Europe/London'],
  ['WET', 'Europe/Lisbon'],
  ['CET', 'Europe/Berlin'],
  ['CEST', 'Europe/Berlin'],
  ['MET', 'Europe/Berlin'],
  ['EET', 'Europe/Athens'],
  ['EEST', 'Europe/Athens'],
  ['MSK', 'Europe/Moscow'],
  ['IST', 'Asia/Kolkata'],
  ['JST', 'Asia/Tokyo'],
  ['KST', 'Asia/Seoul'],
  ['AEST', 'Australia/Sydney'],
  ['AEDT', 'Australia/Sydney'],
  ['NZST', 'Pacific/Auckland'],
]);

/** The IANA zone an abbreviation most likely means, or null when `zone` is not one. */
export function zoneMeant(zone: string): string | null {
  return MEANT.get(zone.trim().toUpperCase()) ?? null;
}

/** How the runtime reads `zone` in January and July, in words ("UTC−05:00 all year"). */
function howRead(zone: string): string {
  const winter = DateTime.fromObject({ year: 2026, month: 1, day: 15 }, { zone });
  const summer = DateTime.fromObject({ year: 2026, month: 7, day: 15 }, { zone });
  if (!winter.isValid || !summer.isValid) return 'as no zone';
  const offset = (d: DateTime): string => `UTC${d.toFormat('ZZ').replace('-', '−')}`;
  return winter.offset === summer.offset ? `as a fixed ${offset(winter)} all year, with no daylight saving` : `as ${offset(winter)} in January and ${offset(summer)} in July`;
}

/**
 * The warning for a zone written as an abbreviation that the runtime accepts, or null. Its
 * reading is stated, with the IANA name to write instead.
 */
export function zoneAbbreviationWarning(zone: string): string | null {
  const meant = zoneMeant(zone);
  if (meant === null) return null;
  return (
    `time zone '${zone}' is an abbreviation, read ${howRead(zone)}; a contract that says '${zone}' usually means ${meant}, ` +
    `whose clock changes with daylight saving: pass --time-zone ${meant} (or the IANA zone of the contract) to say which is meant`
  );
}

/** The advice added to "unknown time zone" when the unknown zone is an abbreviation, or ''. */
export function zoneAbbreviationHint(zone: string): string {
  const meant = zoneMeant(zone);
  return meant === null ? '' : ` ('${zone}' is an abbreviation, not a zone: for the clock of ${meant} write --time-zone ${meant})`;
}
