/** One validation per distinct text, shared by the editor's linter and the page's panels. */
import { validate, type ValidationResult } from '@engine/language/check';

export interface Analysis extends ValidationResult {
  text: string;
  /** Milliseconds the engine took, shown in the status line. */
  millis: number;
}

let last: Analysis | null = null;

export function analyse(text: string): Analysis {
  if (last && last.text === text) return last;
  const started = performance.now();
  const result = validate(text);
  last = { ...result, text, millis: performance.now() - started };
  return last;
}
