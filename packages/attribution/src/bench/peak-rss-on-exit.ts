/** Loaded with --import into a measured process: reports its peak resident set on stderr as it exits. */
process.on('exit', () => {
  process.stderr.write(`\npeak-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
