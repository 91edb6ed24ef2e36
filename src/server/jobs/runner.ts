import { hostname } from 'node:os';
import type { Permission } from '../../shared/roles';
import { systemActor, type Actor } from '../actor';
import { todayInChina } from '../../shared/registry/normalise';
import type { AppContext } from '../context';
import type { Tx } from '../db/db';
import { AppError } from '../errors';
import * as sql from './queries';
import type { JobRow } from './queries';

/** What a running job may do besides its own work: say how far it got, and commit a checkpoint. */
export interface JobContext {
  job: JobRow;
  /** Aborted when the process is stopping: finish the current batch, then throw `interrupted()`. */
  signal: AbortSignal;
  /** Progress for the UI and CLI; cheap to call often (written at most twice a second). */
  progress(done: number, total?: number | null, phase?: string): Promise<void>;
  /** Records, inside the batch's transaction, how far the job has durably got. */
  checkpoint(tx: Tx, data: Record<string, unknown>, done: number): Promise<void>;
}

export interface JobHandler {
  kind: string;
  /** Who may see, follow and resume jobs of this kind. */
  permission: Permission;
  run(ctx: AppContext, jc: JobContext): Promise<unknown>;
  /** Queued once a day (China time) by the running server, besides on demand. */
  daily?: boolean;
}

/**
 * A daily job that is one step (reminders, expiries): it reports `phases[0]` while it runs and
 * `phases[1]` when done, so the job list says in words what it did.
 */
export function oneStepDailyJob(kind: string, permission: Permission, phases: [string, string], step: (ctx: AppContext) => Promise<unknown>): JobHandler {
  return {
    kind,
    permission,
    daily: true,
    async run(ctx, jc) {
      await jc.progress(0, 1, phases[0]);
      const result = await step(ctx);
      await jc.progress(1, 1, phases[1]);
      return result;
    },
  };
}

export class JobInterrupted extends Error {
  override name = 'JobInterrupted';
}

export const interrupted = () => new JobInterrupted('stopped before the end; resume to continue');

export const WORKER = `${hostname()}:${process.pid}`;
const STALE_MS = 2 * 60_000;

function isAlive(worker: string | null): boolean {
  if (!worker) return false;
  const [host, pid] = worker.split(':');
  if (host !== hostname()) return true; // another machine: judged by its heartbeat instead
  try {
    process.kill(Number(pid), 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Queues a job; a runner (the server's, or the CLI's for its own job) picks it up. */
export async function enqueueJob(ctx: AppContext, actor: Actor, kind: string, params: Record<string, unknown>, total: number | null = null): Promise<JobRow> {
  const job = await sql.insertJob(ctx.db, {
    kind,
    params,
    createdBy: actor.kind === 'user' ? actor.id : null,
    createdByName: actor.name,
    areaScope: actor.scope,
    total,
  });
  ctx.wakeJobs?.();
  return job;
}

/**
 * Runs queued jobs one at a time in this process. On start it marks jobs left `running` by a dead
 * process (kill -9, power loss) as interrupted; they resume from their last checkpoint when asked.
 */
export class JobRunner {
  private timer: NodeJS.Timeout | undefined;
  private busy: Promise<void> | undefined;
  private readonly abort = new AbortController();
  private stopped = false;

  constructor(
    private readonly ctx: AppContext,
    private readonly handlers: readonly JobHandler[],
    /** Also told of every progress report (the CLI prints it). */
    private readonly onProgress?: (job: JobRow, done: number, total: number | null, phase: string | null) => void,
  ) {}

  get kinds(): string[] {
    return this.handlers.map((h) => h.kind);
  }

  /** Marks jobs whose process is gone as interrupted. */
  async recover(): Promise<number> {
    const now = this.ctx.clock.now();
    let n = 0;
    for (const job of await sql.runningJobs(this.ctx.db)) {
      const stale = !job.heartbeat_at || now.getTime() - job.heartbeat_at.getTime() > STALE_MS;
      if (job.worker === WORKER) continue;
      if (!isAlive(job.worker) || stale) {
        await sql.markInterrupted(this.ctx.db, job.id, 'The process running this job stopped unexpectedly; resume it to continue. / 执行该任务的进程意外中止，可继续执行。', now);
        n++;
      }
    }
    return n;
  }

  start(pollMs = 1000): void {
    this.ctx.wakeJobs = () => void this.tick();
    this.timer = setInterval(() => void this.tick(), pollMs);
    this.timer.unref();
    void this.tick();
  }

  /** Stops taking jobs and interrupts the running one at its next batch boundary. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.abort.abort();
    await this.busy;
  }

  /** Runs every queued job to the end (tests, and the CLI running its own job). */
  async drain(): Promise<void> {
    for (;;) {
      await this.busy;
      const job = await sql.claimNext(this.ctx.db, this.kinds, WORKER, this.ctx.clock.now());
      if (!job) return;
      await this.execute(job);
    }
  }

  /** Runs one particular job in this process, now. */
  async runJob(id: string): Promise<JobRow> {
    const job = await sql.claimJob(this.ctx.db, id, WORKER, this.ctx.clock.now());
    if (!job) throw new AppError('conflict', { zh: '任务不在排队状态', en: 'The job is not queued' });
    await this.execute(job);
    const done = await sql.findJob(this.ctx.db, id);
    if (!done) throw new Error('job vanished');
    return done;
  }

  private lastScheduleCheck = 0;

  /**
   * Queues today's run of each daily job unless one was already queued since midnight China time
   * (the one statement's check makes two servers queue it at most twice: the jobs are idempotent).
   */
  async scheduleDaily(): Promise<number> {
    const now = this.ctx.clock.now();
    const midnight = new Date(`${todayInChina(now.getTime())}T00:00:00+08:00`);
    let queued = 0;
    for (const h of this.handlers.filter((x) => x.daily)) {
      if (await sql.insertJobUnlessSince(this.ctx.db, { kind: h.kind, params: {}, createdBy: null, createdByName: 'system', areaScope: systemActor.scope, total: null }, midnight)) queued++;
    }
    return queued;
  }

  private async tick(): Promise<void> {
    if (this.busy || this.stopped) return;
    const now = this.ctx.clock.now().getTime();
    if (now - this.lastScheduleCheck > 60_000) {
      this.lastScheduleCheck = now;
      await this.scheduleDaily().catch(() => undefined);
    }
    this.busy = (async () => {
      try {
        for (;;) {
          if (this.stopped) return;
          const job = await sql.claimNext(this.ctx.db, this.kinds, WORKER, this.ctx.clock.now());
          if (!job) return;
          await this.execute(job);
        }
      } finally {
        this.busy = undefined;
      }
    })();
    await this.busy;
  }

  private async execute(job: JobRow): Promise<void> {
    const handler = this.handlers.find((h) => h.kind === job.kind);
    const now = () => this.ctx.clock.now();
    if (!handler) {
      await sql.finishJob(this.ctx.db, job.id, 'failed', { error: { code: 'internal', message: `No handler for ${job.kind}` } }, now());
      return;
    }
    let lastWrite = 0;
    let knownTotal: number | null = job.progress_total;
    let knownPhase: string | null = job.phase;
    const jc: JobContext = {
      job,
      signal: this.abort.signal,
      progress: async (done, total = null, phase) => {
        if (total !== null) knownTotal = total;
        if (phase !== undefined) knownPhase = phase;
        this.onProgress?.(job, done, knownTotal, knownPhase);
        const t = Date.now();
        if (t - lastWrite < 500 && total === null && phase === undefined) return;
        lastWrite = t;
        await sql.reportProgress(this.ctx.db, job.id, done, total, phase ?? null, now());
      },
      checkpoint: (tx, data, done) => sql.saveCheckpoint(tx, job.id, data, done, now()),
    };
    try {
      const result = await handler.run(this.ctx, jc);
      await sql.finishJob(this.ctx.db, job.id, 'succeeded', { result }, now());
    } catch (err) {
      if (err instanceof JobInterrupted) {
        await sql.finishJob(this.ctx.db, job.id, 'interrupted', { error: { code: 'interrupted', message: 'Stopped before the end; resume to continue. / 任务在完成前停止，可继续执行。' } }, now());
      } else if (err instanceof AppError) {
        await sql.finishJob(this.ctx.db, job.id, 'failed', { error: { code: err.code, message: `${err.text.zh} / ${err.text.en}`, details: err.details } }, now());
      } else {
        await sql.finishJob(this.ctx.db, job.id, 'failed', { error: { code: 'internal', message: (err as Error).message } }, now());
      }
    }
  }
}
