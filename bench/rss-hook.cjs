// Preloaded (`node --require`) into every measured child process: prints its peak resident set size
// when it exits, however it exits (ajv-cli calls process.exit itself).
'use strict';
process.on('exit', () => {
  process.stderr.write(`\nBENCH_MAX_RSS_KB ${process.resourceUsage().maxRSS}\n`);
});
