import { parentPort, workerData } from 'node:worker_threads';
import type { PostedTask, WorkerInit } from './pool.js';
import { RecordProcessor, type Task } from './record-processor.js';

// Worker-thread entry: compiles the schema once, then processes batches in the order they come.
const init = workerData as WorkerInit;
const processor = new RecordProcessor(init.config);
const port = parentPort!;
port.on('message', (posted: PostedTask) => {
  try {
    const bytes = posted.slot !== undefined ? new Uint8Array(init.shared, posted.slot * init.slotBytes, posted.length) : posted.bytes!;
    const task = { ...posted, bytes } as Task;
    port.postMessage({ seq: posted.seq, result: processor.run(task) });
  } catch (err) {
    port.postMessage({ seq: posted.seq, error: err instanceof Error ? err.message : String(err) });
  }
});
