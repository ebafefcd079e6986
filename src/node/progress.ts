/**
 * A progress line on standard error for long evaluations: bytes read, rows per second
 * and the time left. Shown only when standard error is a terminal, never on standard output (so
 * `--json` output stays clean), and only once the work has run for `delayMs` (short runs print
 * nothing). Redrawn at most every 100 ms and erased when done.
 *
 * Hand-written rather than a dependency: it is one line of text with `\r`, and the popular
 * libraries (progress, cli-progress) add options and terminal handling this does not need.
 */
import { forTerminal } from './terminal-text';

export interface ProgressTarget {
  isTTY?: boolean;
  columns?: number;
  write(text: string): unknown;
}

export interface ProgressOptions {
  /** Total bytes of work (e.g. file size × passes). */
  totalBytes: number;
  /** What is being done, shown first ("sales.csv"). */
  label: string;
  /** Where to draw; process.stderr by default. */
  target?: ProgressTarget;
  /** Nothing is drawn before this much time has passed; 1000 ms by default. */
  delayMs?: number;
  /** The clock, for tests. */
  now?: () => number;
}

function megabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(bytes < 10e6 ? 1 : 0)} MB`;
}

function duration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function rate(perSecond: number): string {
  if (perSecond >= 1e6) return `${(perSecond / 1e6).toFixed(1)}M`;
  if (perSecond >= 1e3) return `${(perSecond / 1e3).toFixed(0)}k`;
  return perSecond.toFixed(0);
}

export class ProgressBar {
  private readonly target: ProgressTarget;
  private readonly total: number;
  private readonly label: string;
  private readonly delay: number;
  private readonly now: () => number;
  private readonly started: number;
  private lastDraw = 0;
  private drawn = false;
  private phase = '';

  private constructor(options: ProgressOptions, target: ProgressTarget) {
    this.target = target;
    this.total = Math.max(1, options.totalBytes);
    this.label = options.label;
    this.delay = options.delayMs ?? 1000;
    this.now = options.now ?? Date.now;
    this.started = this.now();
  }

  /** A bar, or null when the target is not a terminal (or progress is turned off). */
  static create(options: ProgressOptions & { enabled?: boolean }): ProgressBar | null {
    const target = options.target ?? process.stderr;
    if (options.enabled === false || target.isTTY !== true) return null;
    return new ProgressBar(options, target);
  }

  /** Names the current phase ("pass 1/2"). */
  setPhase(phase: string): void {
    this.phase = phase;
  }

  /** `bytes` of the total done so far; `rows` read so far. */
  update(bytes: number, rows: number): void {
    const now = this.now();
    const elapsed = now - this.started;
    if (elapsed < this.delay || now - this.lastDraw < 100) return;
    this.lastDraw = now;
    this.drawn = true;
    const fraction = Math.min(1, bytes / this.total);
    const seconds = elapsed / 1000;
    const eta = fraction > 0 ? seconds * (1 / fraction - 1) : NaN;
    const width = 24;
    const filled = Math.round(fraction * width);
    const bar = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
    const text =
      `${this.label}${this.phase ? ` ${this.phase}` : ''} ${bar} ${(fraction * 100).toFixed(0).padStart(3)}% ` +
      `${megabytes(bytes)}/${megabytes(this.total)} ${rate(rows / seconds)} rows/s ETA ${duration(eta)}`;
    const columns = this.target.columns || 100;
    this.target.write(`\r${forTerminal(text).slice(0, Math.max(10, columns - 1)).padEnd(Math.max(10, columns - 1))}`);
  }

  /** Erases the line, if anything was drawn. */
  done(): void {
    if (!this.drawn) return;
    const columns = this.target.columns || 100;
    this.target.write(`\r${' '.repeat(Math.max(10, columns - 1))}\r`);
    this.drawn = false;
  }
}
