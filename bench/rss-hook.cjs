// Preloaded (`node --require`) into every measured child process: prints its peak resident set size
// and CPU time when it exits, however it exits (ajv-cli calls process.exit itself).
'use strict';
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`\nBENCH_USAGE ${u.maxRSS} ${u.userCPUTime} ${u.systemCPUTime}\n`);
});
