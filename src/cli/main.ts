/** The `clause` command line. User errors print a message and exit 1 or 2; never a stack trace. */
import { Command, CommanderError } from 'commander';
import { EXIT, UsageError } from '../node/io';
import { forTerminal } from '../node/terminal-text';
import type * as ValidateCommand from './validate-command';
import type * as EvaluateCommand from './evaluate-command';
import type * as FormatCommand from './format-command';
import type * as SqlCommand from './sql-command';

/**
 * Each command module, the commands it adds, and how to load it, in the order `clause --help` lists
 * them. A module brings its part of the engine (`validate` the parser and checks, `evaluate` the
 * evaluator and ledger readers, `sql` the SQL compiler): loading them all would cost every run more
 * than evaluating a small ledger, so a run loads only the module of the command it names.
 */
const COMMAND_MODULES: readonly { commands: readonly string[]; register: () => (program: Command) => void }[] = [
  { commands: ['validate'], register: () => (require('./validate-command') as typeof ValidateCommand).registerValidate },
  { commands: ['evaluate'], register: () => (require('./evaluate-command') as typeof EvaluateCommand).registerEvaluate },
  { commands: ['format', 'draft'], register: () => (require('./format-command') as typeof FormatCommand).registerFormat },
  { commands: ['sql'], register: () => (require('./sql-command') as typeof SqlCommand).registerSql },
];

/**
 * The program for these arguments (the command line after `clause`): with the command its first
 * argument names (commander then sees nothing else), with none for `--version`, and with every
 * command otherwise, so that `--help`, `help <command>` and the suggestion for a mistyped command
 * list them all.
 */
export function buildProgram(args: readonly string[] = []): Command {
  const program = new Command('clause')
    .description('Read sales-milestone clauses and compute the commission obligations they trigger.')
    .version(require('../../../package.json').version as string, '-v, --version', 'print the version')
    .showHelpAfterError('(run with --help for usage)')
    // Commander echoes unknown options and arguments: through the same sanitiser as every other line.
    .configureOutput({ outputError: (text, write) => write(forTerminal(text)) })
    .exitOverride();
  const first = args[0];
  const named = COMMAND_MODULES.filter((m) => first !== undefined && m.commands.includes(first));
  const modules = first === '-v' || first === '--version' ? [] : named.length > 0 ? named : COMMAND_MODULES;
  for (const m of modules) m.register()(program);
  return program;
}

export async function main(argv: string[]): Promise<void> {
  const program = buildProgram(argv.slice(2));
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
