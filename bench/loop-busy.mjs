// Preloaded (`node --import`) into a few diagnostic runs of the action, never the timed ones: at
// exit, how long the main thread's event loop was busy and idle, and the CPU time the process used
// (all threads, the engine thread's too). The preload also runs in the engine thread, which is
// terminated without an exit event; it reports nothing there.
import { performance } from 'node:perf_hooks';
import { isMainThread } from 'node:worker_threads';
process.on('exit', () => {
  if (!isMainThread) return;
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  process.stderr.write(
    `merge-gate-bench loop ${loop.active.toFixed(1)} ${loop.idle.toFixed(1)} ${(cpu.user / 1000).toFixed(1)} ${(cpu.system / 1000).toFixed(1)}\n`,
  );
});
