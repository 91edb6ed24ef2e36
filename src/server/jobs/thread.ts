import { parentPort, Worker, workerData } from 'node:worker_threads';
import { AppError, type Bilingual, type ErrorCode } from '../errors';

/**
 * Running an async generator in a worker thread, so that CPU-bound work (parsing, validating)
 * uses the second core while this thread talks to the database. The worker runs at most `ahead`
 * items in front of the consumer: memory stays bounded whatever the input size.
 */
type FromWorker =
  | { type: 'item'; item: unknown }
  | { type: 'done' }
  | { type: 'error'; error: { app: true; code: ErrorCode; text: Bilingual; details: unknown } | { app: false; message: string; stack?: string } };

const BOOT = new URL('./thread-boot.mjs', import.meta.url);

/** The items of the generator that `entry` serves (with serveInThread), produced in a worker thread. */
export async function* inThread<T>(entry: URL, input: unknown, ahead = 2): AsyncGenerator<T> {
  const worker = new Worker(BOOT, { workerData: { entry: entry.href, input, ahead } });
  const queue: FromWorker[] = [];
  let wake: (() => void) | null = null;
  let failure: Error | null = null;
  const push = (m: FromWorker) => {
    queue.push(m);
    wake?.();
  };
  worker.on('message', push);
  worker.on('error', (err) => {
    failure = err;
    wake?.();
  });
  worker.on('exit', (code) => {
    if (code !== 0) failure ??= new Error(`worker thread exited with code ${code}`);
    wake?.();
  });
  try {
    for (;;) {
      const m = queue.shift();
      if (!m) {
        if (failure) throw failure;
        await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        continue;
      }
      if (m.type === 'done') return;
      if (m.type === 'error') {
        const e = m.error;
        if (e.app) throw new AppError(e.code, e.text, e.details);
        throw Object.assign(new Error(e.message), { stack: e.stack });
      }
      worker.postMessage('more');
      yield m.item as T;
    }
  } finally {
    await worker.terminate();
  }
}

/** In the worker thread: serves the generator that `make` builds from the caller's input. */
export function serveInThread(make: (input: unknown) => AsyncIterable<unknown>): void {
  const port = parentPort;
  if (!port) throw new Error('serveInThread runs in a worker thread only');
  const { input, ahead } = workerData as { input: unknown; ahead: number };
  let credits = ahead;
  let wake: (() => void) | null = null;
  port.on('message', (m) => {
    if (m === 'more') {
      credits++;
      wake?.();
    }
  });
  const post = (m: FromWorker) => port.postMessage(m);
  void (async () => {
    try {
      for await (const item of make(input)) {
        while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
        credits--;
        post({ type: 'item', item });
      }
      post({ type: 'done' });
    } catch (err) {
      post({
        type: 'error',
        error: err instanceof AppError ? { app: true, code: err.code, text: err.text, details: err.details } : { app: false, message: (err as Error).message, stack: (err as Error).stack },
      });
    }
    port.close();
  })();
}
