/** The `clause` command line. User errors print a message and exit 1 or 2; never a stack trace. */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from '../node/io';
import { forTerminal } from '../node/terminal-text';
import { registerValidate } from './validate-command';
import { registerFormat } from './format-command';
import { registerEvaluate } from './evaluate-command';
import { registerSql } from './sql-command';

export function buildProgram(): Command {
  const program = new Command('clause')
    .description('Read sales-milestone clauses and compute the commission obligations they trigger.')
    .version(require('../../../package.json').version as string, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    // Commander echoes unknown options and arguments: through the same sanitiser as every other line.
    .configureOutput({ outputError: (text, write) => write(forTerminal(text)) })
    .exitOverride();
  registerValidate(program);
  registerEvaluate(program);
  registerFormat(program);
  registerSql(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version exit 0; every other commander error is a usage error.
      process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    } else if (error instanceof UsageError) {
      process.stderr.write(forTerminal(`clause: ${error.message}\n`));
      process.exitCode = EXIT.usage;
    } else {
      process.stderr.write(`clause: internal error, please report it: ${(error as Error).stack ?? error}\n`);
      process.exitCode = EXIT.internal;
    }
  }
}
