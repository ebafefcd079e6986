/**
 * Preloaded into benchmark children (`node -r dist/bench/rss-probe.js ...`): at exit, writes the
 * process's peak resident set size in KiB (process.resourceUsage().maxRSS) to the file named by
 * CLAUSE_BENCH_RSS_FILE, so the parent can report each run's peak memory.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.CLAUSE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    writeFileSync(file, String(process.resourceUsage().maxRSS));
  });
}
