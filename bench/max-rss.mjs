/**
 * Preload (`node --import`) for bench/cli-local.mjs when GNU time is missing: at exit, writes the
 * process's peak resident set size in KiB to $BENCH_MAX_RSS_FILE.
 */
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  if (process.env.BENCH_MAX_RSS_FILE)
    writeFileSync(process.env.BENCH_MAX_RSS_FILE, String(process.resourceUsage().maxRSS));
});
