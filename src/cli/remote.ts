import { z } from 'zod';
import type { JobView } from '../server/jobs/schema';
import { SERVER_FILE, readServerFile, type ServerInfo } from '../server/server-file';
import { commandResult, say, type CommandResult } from './command';
import { CliError } from './errors';

/**
 * While a server holds the embedded data folder, commands go to it: it accepts the token it
 * publishes in server.json (src/server/server-file.ts) as the operator on /api/operator/<command>.
 */
export type { ServerInfo };

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }) });

/** The server that holds the lock, or a message saying why the command cannot reach it. */
export function findServer(dataDir: string, pid: number): ServerInfo {
  const info = readServerFile(dataDir);
  if (!info || info.pid !== pid) {
    throw new CliError(
      [
        say(`数据目录 ${dataDir} 被进程 ${pid} 锁定，但没有该进程的 ${SERVER_FILE}，无法把命令交给它。`, `The data folder ${dataDir} is locked by process ${pid}, but there is no ${SERVER_FILE} of that process, so the command cannot be sent to it.`),
        say(
          `它可能是另一条仍在运行的 xinzhi 命令或正在启动的服务：请稍候重试。若进程 ${pid} 不是信知，请停止它后重试。`,
          `It may be another xinzhi command still running, or a server still starting: wait and try again. If process ${pid} is not Xinzhi, stop it, then try again.`,
        ),
      ].join('\n'),
      'locked',
    );
  }
  return info;
}

function notAnswering(server: ServerInfo, why: string): CliError {
  return new CliError(
    [
      say(`服务（进程 ${server.pid}）持有数据目录，但 ${server.url} 没有响应（${why}）。`, `The server (pid ${server.pid}) holds the data folder but does not answer at ${server.url} (${why}).`),
      say(`若它正在启动，请稍后重试；若它已无响应，请停止它（kill ${server.pid}）后重试。`, `If it is starting up, try again in a moment; if it hangs, stop it (kill ${server.pid}) and try again.`),
    ].join('\n'),
    'server_unreachable',
  );
}

/** fetch hides the socket error (ECONNREFUSED…) in `cause`. */
function reason(err: unknown): string {
  const cause = (err as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (err as Error).message;
}

/** Runs a command on the server. A short health check first tells "not answering" from "slow work". */
export async function callServer(server: ServerInfo, id: string, input: Record<string, unknown>): Promise<CommandResult> {
  try {
    const health = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(5000) });
    if (!health.ok) throw new Error(`HTTP ${health.status}`);
  } catch (err) {
    throw notAnswering(server, reason(err));
  }
  let res: Response;
  try {
    res = await fetch(`${server.url}/api/operator/${id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(input),
    });
  } catch (err) {
    throw notAnswering(server, reason(err));
  }
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) {
    const ok = commandResult.safeParse(body);
    if (ok.success) return ok.data;
  }
  const failure = errorBody.safeParse(body);
  if (failure.success) throw new CliError(failure.data.error.message, failure.data.error.code, 1, failure.data.error.details);
  throw new CliError(say(`服务返回了意外的应答（HTTP ${res.status}）`, `The server gave an unexpected answer (HTTP ${res.status})`), 'server_error');
}

/** Polls a job the server runs for us, printing its progress, until it ends. */
export async function followJob(server: ServerInfo, jobId: string, progress: (line: string) => void): Promise<JobView> {
  let last = '';
  for (;;) {
    const res = await fetch(`${server.url}/api/operator/jobs/${jobId}`, { headers: { authorization: `Bearer ${server.token}` } }).catch((err: unknown) => {
      throw new CliError(say(`无法查询任务 ${jobId} 的进度（${reason(err)}）`, `Cannot follow job ${jobId} (${reason(err)})`), 'server_unreachable');
    });
    const job = (await res.json()) as JobView;
    const line = jobProgressLine(job);
    if (line !== last) progress(line);
    last = line;
    if (!['queued', 'running'].includes(job.status)) return job;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** `import: 12,000/48,211 rows (25%) — importing` */
export function jobProgressLine(job: Pick<JobView, 'kind' | 'status' | 'phase' | 'progress'>): string {
  const { done, total } = job.progress;
  const pct = total ? ` (${Math.floor((done / total) * 100)}%)` : '';
  return `${job.kind}: ${done.toLocaleString('en')}${total ? `/${total.toLocaleString('en')}` : ''}${pct} — ${job.phase ?? job.status}`;
}
