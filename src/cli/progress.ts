/**
 * The progress bar of `merge-gate history`: on stderr, and only when stderr is a terminal, so logs,
 * pipes and CI output stay clean (stdout carries only the report).
 */
import cliProgress from 'cli-progress';
import type { CliIo } from './io.js';

export interface Progress {
  update(done: number, total: number): void;
  stop(): void;
}

const QUIET: Progress = { update: () => undefined, stop: () => undefined };

/** A bar on stderr when it is a TTY; otherwise nothing at all. */
export function progressOn(io: CliIo): Progress {
  const stream = io.stderr as Partial<NodeJS.WriteStream>;
  if (stream !== process.stderr || stream.isTTY !== true) return QUIET;
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: 'Evaluating merged PRs [{bar}] {value}/{total} {percentage}% | {eta_formatted} left',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total) {
      if (!started) {
        bar.start(total, done);
        started = true;
      } else bar.update(done);
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
