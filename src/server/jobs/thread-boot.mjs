// Starts a worker thread on a TypeScript module: worker threads do not inherit the parent's tsx
// loader, so the worker registers its own before importing the entry (see thread.ts).
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
