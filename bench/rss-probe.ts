/**
 * Preloaded into benchmark children (`node -r dist/bench/rss-probe.js ...`): at exit, writes the
 * process's peak resident set size in KiB (process.resourceUsage().maxRSS) and its CPU time in
 * microseconds (user + system, every thread) to the file named by CLAUSE_BENCH_RSS_FILE, so the
 * parent can report each run's peak memory and, on a machine shared with other work, what the run
 * cost apart from how busy the machine was.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.CLAUSE_BENCH_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime + usage.systemCPUTime}`);
  });
}
