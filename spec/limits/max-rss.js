// Preloaded into a measured `clause` run (node -r): writes the process's peak resident set size, in KB,
// to the file CLAUSE_MAXRSS_FILE names when it exits.
process.on('exit', () => {
  if (process.env.CLAUSE_MAXRSS_FILE) require('node:fs').writeFileSync(process.env.CLAUSE_MAXRSS_FILE, String(process.resourceUsage().maxRSS));
});
