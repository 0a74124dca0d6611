/** Loaded with --import into a measured process: reports its peak resident set and CPU time on stderr as it exits. */
process.on('exit', () => {
  const usage = process.resourceUsage();
  process.stderr.write(`\npeak-rss-kb ${usage.maxRSS} cpu-us ${usage.userCPUTime + usage.systemCPUTime}\n`);
});
