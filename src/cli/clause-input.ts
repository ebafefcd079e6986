/** Reading and checking a clause file for the commands: over its byte limit it is the `input-too-large` diagnostic, unread. */
import { validate, type CheckOptions, type ValidationResult } from '../language/check';
import { MAX_CLAUSE_BYTES, tooLargeFile } from '../language/parse';
import { InputTooLargeError, readText } from '../node/io';

export function validateClauseFile(
  file: string,
  read: (path: string, maxBytes?: number) => string = readText,
  options: CheckOptions = {},
): { text: string; result: ValidationResult } {
  let text: string;
  try {
    text = read(file, MAX_CLAUSE_BYTES);
  } catch (error) {
    if (!(error instanceof InputTooLargeError)) throw error;
    return { text: '', result: { valid: false, ast: null, diagnostics: tooLargeFile().diagnostics } };
  }
  return { text, result: validate(text, options) };
}
