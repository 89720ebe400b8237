// Preloaded (`node --import`) into a few diagnostic runs of the action, never the timed ones: at
// exit, how long the event loop was busy and idle, and the CPU time the process used (all threads).
import { performance } from 'node:perf_hooks';
process.on('exit', () => {
  const loop = performance.eventLoopUtilization();
  const cpu = process.cpuUsage();
  process.stderr.write(
    `merge-gate-bench loop ${loop.active.toFixed(1)} ${loop.idle.toFixed(1)} ${(cpu.user / 1000).toFixed(1)} ${(cpu.system / 1000).toFixed(1)}\n`,
  );
});
