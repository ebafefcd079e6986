/** Runs the built `clause` command and reports its peak memory (resident set, from process.resourceUsage). */
import { spawnSync, type StdioOptions } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../cli/run-cli';

export interface MeasuredRun {
  status: number | null;
  stdout: string;
  stderr: string;
  /** Peak resident set size of the command, in MB. */
  peakMb: number;
}

/** A stack frame line or the internal-error banner: never in any output. */
export const STACK = /^\s+at .+:\d+:\d+\)?$|internal error/m;

export function runMeasured(args: string[], options: { stdin?: number | string; env?: Record<string, string> } = {}): MeasuredRun {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'clause-rss-')), 'rss');
  const stdio: StdioOptions = [typeof options.stdin === 'number' ? options.stdin : 'pipe', 'pipe', 'pipe'];
  const result = spawnSync(process.execPath, ['-r', path.join(__dirname, 'max-rss.js'), path.join(ROOT, 'bin', 'clause.js'), ...args], {
    cwd: ROOT,
    input: typeof options.stdin === 'string' ? options.stdin : undefined,
    stdio,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, ...options.env, CLAUSE_MAXRSS_FILE: file },
  });
  const peakKb = fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) : Infinity;
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, peakMb: peakKb / 1024 };
}
