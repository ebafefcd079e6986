/** `clause validate`: check a clause file and show what the engine understood. */
import type { Command } from 'commander';
import { EXIT } from '../node/io';
import { validateClauseFile } from './clause-input';
import { humanReport } from './validate-report';
import { forTerminal } from '../node/terminal-text';

export function registerValidate(program: Command): void {
  program
    .command('validate')
    .description('check a clause file and show what the engine understood')
    .argument('<file>', "clause text file, or '-' for standard input")
    .option('--json', 'print { valid, diagnostics, clauses } as JSON')
    .addHelpText('after', '\nExit codes: 0 no errors (warnings allowed), 1 the clause has errors, 2 usage error.')
    .action((file: string, options: { json?: boolean }) => {
      const { text, result } = validateClauseFile(file);
      const shown = file === '-' ? '<stdin>' : file;
      if (options.json) {
        process.stdout.write(`${JSON.stringify({ valid: result.valid, diagnostics: result.diagnostics, clauses: result.ast?.clauses ?? [] }, null, 2)}\n`);
      } else {
        process.stdout.write(forTerminal(humanReport(result, text, shown)));
      }
      process.exitCode = result.valid ? EXIT.ok : EXIT.invalid;
    });
}
