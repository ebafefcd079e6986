/**
 * clause-engine's library entry. Everything here runs in a browser as well as in Node: file and
 * stream handling lives in src/cli/ only.
 */
export * from './ast';
export * from './diagnostics';
export { parse, MAX_CLAUSE_CHARS, type ParseResult } from './parse';
export { validate, check, type ValidationResult } from './check';
export * from './describe';
export { formatMoney, minorUnits, roundMoney, isCurrencyCode, CURRENCY_SYMBOLS } from './money';
export { format, termsOf, formatAmount, canonicalDecimal, FormatError } from './format';
export { draftTerms, checkTerms, type DraftResult, type TermsProblem } from './terms';
