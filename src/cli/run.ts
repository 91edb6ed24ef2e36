import { operatorActor } from '../server/actor';
import { loadConfig, type Config } from '../server/config';
import { LockedError } from '../server/db/lock';
import { say, type Command, type CommandResult } from './command';
import { CliError, describeFailure } from './errors';
import { parseInput, type RawInput } from './input';
import { withLocalContext } from './local';
import { watchInterrupts } from './interrupt';
import type { Output } from './output';
import { callServer, findServer, followJob } from './remote';

/**
 * The one path every command takes: validate, run here or on the server that holds the data
 * folder, print. Returns the exit code: 0 only when the command succeeded.
 */
export async function execute(cmd: Command, readInput: () => Promise<RawInput>, out: Output, env: NodeJS.ProcessEnv = process.env): Promise<number> {
  try {
    const raw = await readInput();
    const input = parseInput(cmd, raw);
    const config = loadConfig(env);
    out.result(await runSomewhere(cmd, config, raw, input, out));
    return 0;
  } catch (err) {
    const failure = describeFailure(err);
    out.failure(failure);
    return failure.exitCode;
  }
}

function serverIsRunning(pid: number): CliError {
  return new CliError(
    [
      `服务正在使用此数据目录（进程 ${pid}）：请先停止服务，恢复到空的数据目录或数据库，然后再启动服务。`,
      `The server is running on this data folder (pid ${pid}); stop it first, restore into an empty folder/database, then start it again.`,
    ].join('\n'),
    'server_running',
  );
}

/**
 * Local first: with DATABASE_URL there is no lock, and an unlocked folder is ours. A folder locked
 * by a live server gets the command over HTTP (the folder must never be opened by two processes).
 */
async function runSomewhere(cmd: Command, config: Config, raw: RawInput, input: unknown, out: Output): Promise<CommandResult> {
  try {
    return await runLocally(cmd, config, input, out);
  } catch (err) {
    if (!(err instanceof LockedError)) throw err;
    if (!cmd.remote) throw serverIsRunning(err.pid);
    const server = findServer(config.dataDir, err.pid);
    out.progress(say(`${cmd.id}：数据目录由服务（进程 ${server.pid}）持有，命令交由它执行`, `${cmd.id}: the server (pid ${server.pid}) holds the data folder; sending the command to it at ${server.url}`));
    const result = await callServer(server, cmd.id, raw);
    const jobId = (result.data as { jobId?: unknown } | null)?.jobId;
    if (!cmd.followJob || typeof jobId !== 'string') return result;
    out.progress(result.message);
    return cmd.followJob(await followJob(server, jobId, out.progress));
  }
}

/** Ctrl-C stops a local command at its next progress step, so the database is still closed properly. */
async function runLocally(cmd: Command, config: Config, input: unknown, out: Output): Promise<CommandResult> {
  const interrupt = watchInterrupts(out.progress);
  const progress = (line: string) => {
    interrupt.check();
    out.progress(line);
  };
  try {
    return await withLocalContext(config, cmd, (ctx) => cmd.run(ctx, input, { actor: operatorActor(), progress, where: 'local' }));
  } finally {
    interrupt.dispose();
  }
}
