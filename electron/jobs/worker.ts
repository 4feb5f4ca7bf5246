// The job worker's entry: opens its own connection to the store, runs one job, posts progress and
// the result (or the error) to the runner, closes the connection and ends.
import { parentPort, workerData } from 'node:worker_threads';
import { controlled, openJobServices } from './context.js';
import { JobCancelledError } from './errors.js';
import type { JobKind, WorkerData, WorkerMessage } from './protocol.js';
import { runTask, WRITES_STORE } from './tasks.js';

async function main(port: NonNullable<typeof parentPort>, data: WorkerData): Promise<void> {
  const post = (m: WorkerMessage) => port.postMessage(m);
  try {
    const services = openJobServices(data.store, WRITES_STORE[data.kind]);
    try {
      const ctx = controlled<JobKind>(data.kind, services, data.control, (progress) =>
        post({ type: 'progress', progress }),
      );
      post({ type: 'done', output: await runTask(data.kind, data.input, ctx) });
    } finally {
      services.db.close();
    }
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    const code = (e as { code?: unknown }).code;
    post({
      type: 'error',
      name: e.name,
      message: e.message,
      ...(typeof code === 'string' ? { code } : {}),
      cancelled: e instanceof JobCancelledError,
    });
  }
}

if (!parentPort) throw new Error('electron/jobs/worker.js runs only as a worker thread (see JobRunner).');
await main(parentPort, workerData as WorkerData);
