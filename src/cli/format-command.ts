/**
 * `clause format <file|->`: the canonical text of a clause file (see src/language/format.ts), and
 * `clause draft <terms.json>`: the same from structured terms (see src/language/draft.ts).
 *
 * Both refuse to print text that would not read back as the same terms: `format` output is
 * re-parsed and compared with `termsOf` before it is printed or written, so a formatter bug
 * shows up as an internal error, never as a silently changed clause.
 */
import { statSync } from 'node:fs';
import type { Command } from 'commander';
import type { DocumentNode } from '../language/ast';
import { format, termsOf } from '../language/format';
import { MAX_CLAUSE_CHARS, parse } from '../language/parse';
import type * as Terms from '../language/draft';
import { parseJsonText } from '../json-text';
import { EXIT, readError, readText, UsageError } from '../node/io';
import { writeOutput } from '../node/write-output';
import { formatDiagnostic } from './diagnostic-report';
import { validateClauseFile } from './clause-input';
import { forTerminal } from '../node/terminal-text';

/**
 * src/language/draft.ts on first use: it compiles a JSON Schema with ajv, whose loading every
 * `clause` start-up would otherwise pay, `evaluate` on a million rows included.
 */
const terms = (): typeof Terms => require('../language/draft') as typeof Terms;

/** The canonical text is longer than a clause document may be: the input is fine, its canonical form is not. */
class TooLargeError extends Error {}

/** The canonical text of a document, checked to read back as the same terms. */
function verifiedFormat(ast: DocumentNode): string {
  const text = format(ast);
  if (text.length > MAX_CLAUSE_CHARS) {
    throw new TooLargeError(
      `its canonical text would be ${text.length.toLocaleString('en-US')} characters long (grouping commas, full sentences), over the ${MAX_CLAUSE_CHARS.toLocaleString('en-US')} that a clause document may have, so it could not be read back`,
    );
  }
  const back = parse(text);
  const differs = back.ast ? terms().firstDifference(termsOf(ast), termsOf(back.ast)) : '(the canonical text does not parse)';
  if (differs !== null) throw new Error(`the canonical text would change the clause at ${differs || '/'}; nothing was written`);
  return text;
}


export function registerFormat(program: Command): void {
  program
    .command('format')
    .description('print the canonical text of a clause file')
    .argument('<file>', "clause text file, or '-' for standard input")
    .option('--check', 'print nothing but exit 1, naming the file, when it is not already in canonical form')
    .option('--write', 'rewrite the file in canonical form')
    .addHelpText('after', '\nExit codes: 0 done (or already canonical), 1 the clause has errors or (with --check) is not canonical, 2 usage error.')
    .action((file: string, options: { check?: boolean; write?: boolean }) => {
      if (options.check && options.write) throw new UsageError('--check and --write cannot be used together.');
      if (options.write && file === '-') throw new UsageError('--write needs a file name: standard input cannot be rewritten.');
      // The file as read, so that --write refuses to replace it if another program changed it meanwhile.
      let before: { size: number; mtimeMs: number } | undefined;
      if (options.write) {
        try {
          const stats = statSync(file);
          before = { size: stats.size, mtimeMs: stats.mtimeMs };
        } catch (error) {
          throw readError(file, error);
        }
      }
      const { text, result } = validateClauseFile(file);
      const shown = file === '-' ? '<stdin>' : file;
      if (!result.valid || !result.ast) {
        const errors = result.diagnostics.filter((d) => d.severity === 'error');
        process.stderr.write(forTerminal(`${errors.map((d) => formatDiagnostic(d, text, shown)).join('\n\n')}\n\n${shown}: not formatted: the clause has ${errors.length} error${errors.length === 1 ? '' : 's'}.\n`));
        process.exitCode = EXIT.invalid;
        return;
      }
      let canonical: string;
      try {
        canonical = verifiedFormat(result.ast);
      } catch (error) {
        if (!(error instanceof TooLargeError)) throw error;
        process.stderr.write(forTerminal(`${shown}: not formatted: ${error.message}.\n`));
        process.exitCode = EXIT.invalid;
        return;
      }
      if (options.check) {
        if (canonical !== text) {
          process.stdout.write(forTerminal(`${shown}: not in canonical form (run 'clause format --write ${file}')\n`));
          process.exitCode = EXIT.invalid;
        }
        return;
      }
      if (options.write) {
        if (canonical !== text) writeOutput(file, canonical, { unchangedSince: before });
        process.stdout.write(forTerminal(`${shown}: ${canonical === text ? 'already canonical' : 'formatted'}\n`));
        return;
      }
      process.stdout.write(canonical);
    });

  program
    .command('draft')
    .description('write clause text from a JSON terms file (the AST without ranges)')
    .argument('<terms>', "JSON terms file (schema: schemas/terms.schema.json), or '-' for standard input")
    .addHelpText('after', '\nExit codes: 0 the text was written, 1 the terms are invalid, 2 usage error.')
    .action((file: string) => {
      const raw = readText(file);
      const shown = file === '-' ? '<stdin>' : file;
      const json = parseJsonText(raw);
      if (!json.ok) {
        process.stderr.write(forTerminal(`${shown}: ${json.code === 'invalid-json' ? '' : `[${json.code}] `}${json.message}\n`));
        process.exitCode = EXIT.invalid;
        return;
      }
      const result = terms().draftTerms(json.value);
      for (const p of result.problems) {
        process.stderr.write(forTerminal(`${shown}: ${p.path || '/'}: ${p.severity}${p.code ? ` [${p.code}]` : ''}: ${p.message}\n`));
      }
      if (!result.ok || result.text === null) {
        process.exitCode = EXIT.invalid;
        return;
      }
      process.stdout.write(result.text);
    });
}
