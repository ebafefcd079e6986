/**
 * Preloaded into the SQL bench's children (`node -r dist/bench/usage-probe.js ...`): at exit,
 * writes the process's peak RSS (KiB) and its CPU time (user and system, microseconds, all threads,
 * DuckDB's included) as JSON to the file named by CLAUSE_BENCH_USAGE_FILE. On a shared machine the
 * CPU time says what the work costs; the wall time also says how busy the machine was.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.CLAUSE_BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ maxRSS: u.maxRSS, user: u.userCPUTime, system: u.systemCPUTime }));
  });
}
