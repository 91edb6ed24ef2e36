/** Worker-thread entry: reads and validates an import file (see rows.ts, pipeline.ts). */
import { serveInThread } from '../../../jobs/thread';
import { validatedBatches, type RowSource } from './rows';

serveInThread((source) => validatedBatches(source as RowSource));
