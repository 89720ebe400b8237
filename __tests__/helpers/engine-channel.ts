/**
 * The engine thread's two ends in one thread: a Worker's surface (`thread`, as engine-host.ts
 * uses it) over one port of a real `MessageChannel`, and the other port for `serveEngine`.
 */
import { EventEmitter } from 'node:events';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { EngineThread } from '../../src/action/engine-host.js';
import type { ToEngine } from '../../src/action/engine-protocol.js';

/** A Worker's surface over one end of a channel; `lose` plays the thread's 'error' and 'exit'. */
export interface ChannelThread {
  thread: EngineThread;
  enginePort: MessagePort;
  lose(event: 'error' | 'exit', value: Error | number): void;
  terminated(): boolean;
}

const open: MessagePort[] = [];

/** Closes every port opened since the last call (from `afterEach`), so Jest can exit. */
export function closeChannels(): void {
  for (const port of open.splice(0)) port.close();
}

export function channelThread(): ChannelThread {
  const { port1, port2 } = new MessageChannel();
  open.push(port1, port2);
  const events = new EventEmitter();
  let terminated = false;
  const thread = {
    postMessage: (message: ToEngine) => port1.postMessage(message),
    on: (event: string, listener: (value: unknown) => void) =>
      event === 'message' ? port1.on('message', listener) : events.on(event, listener),
    ref: () => undefined,
    terminate: () => {
      terminated = true;
      port1.close();
    },
  } as EngineThread;
  return {
    thread,
    enginePort: port2,
    lose: (event, value) => events.emit(event, value),
    terminated: () => terminated,
  };
}

/** Resolves once `condition` holds, checking once per turn of the event loop. */
export async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}
