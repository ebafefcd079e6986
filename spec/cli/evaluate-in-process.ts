/**
 * `clause evaluate` run in this process (runEvaluate, the ledger read whole by the in-memory reader), with
 * the command line's options written as they are on the command line, from the repository's root: the
 * tests compare it with the CLI, whose streamed reader reads a CSV file in two passes.
 */
import { runEvaluate } from '../../src/cli/evaluate-command';
import { ROOT } from './run-cli';

/** `--sales x --decimal-comma` → { sales: 'x', decimalComma: true }, as commander gives them. */
function optionsOf(args: readonly string[]): Record<string, unknown> {
  const options: Record<string, unknown> = {};
  for (let i = 0; i < args.length; i++) {
    const key = args[i].replace(/^--/, '').replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
    if (args[i + 1] === undefined || args[i + 1].startsWith('--')) options[key] = true;
    else options[key] = args[++i];
  }
  return options;
}

/** The JSON text runEvaluate writes for `clause` with `base` options and the command-line `args` on top. */
export function evaluateInProcess(clause: string, base: Record<string, unknown>, args: readonly string[]): string {
  const cwd = process.cwd();
  process.chdir(ROOT);
  try {
    return runEvaluate(clause, { ...base, ...optionsOf(args) } as Parameters<typeof runEvaluate>[1]).stdout;
  } finally {
    process.chdir(cwd);
  }
}
