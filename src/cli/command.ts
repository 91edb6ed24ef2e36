import { z } from 'zod';
import type { Actor } from '../server/actor';
import type { AppContext } from '../server/context';
import type { JobView } from '../server/jobs/schema';

/**
 * One operator command: its words on the command line, its arguments, the zod schema that
 * validates them (also the body schema of its POST /api/operator/<id> route) and the function
 * that does the work through the platform's services. The runner (run.ts) decides where it runs.
 */
export interface CommandIo {
  actor: Actor;
  /** 'local': this process holds the database; 'server': a running server executes it for the CLI. */
  where: 'local' | 'server';
  /** A line of progress (stderr in the CLI, the debug log on the server). */
  progress(line: string): void;
}

export interface CommandResult {
  /** What a person reads: one or a few lines, bilingual where it matters. */
  message: string;
  /** What `--json` prints and the operator API returns. */
  data: unknown;
}

export const commandResult = z.object({ message: z.string(), data: z.unknown() });

export interface ArgSpec {
  /** Placeholder shown in help, e.g. 'username'. */
  name: string;
  /** Key of the schema it fills. */
  key: string;
  help: string;
  /** A file path: resolved against the current folder before it is validated or sent to the server. */
  path?: boolean;
}

export interface OptionSpec {
  /** commander flags, e.g. '--org <org>'. */
  flags: string;
  key: string;
  help: string;
  /** May be given several times (and comma-separated); the values form an array. */
  repeatable?: boolean;
  /** A boolean flag that means "read this key's value from standard input". */
  stdin?: boolean;
  path?: boolean;
}

export interface CommandDef<S extends z.ZodType> {
  /** Route and audit name: 'user-create' → POST /api/operator/user-create. */
  id: string;
  /** Words on the command line: ['user', 'create']. */
  words: readonly string[];
  /** One line, Chinese / English. */
  summary: string;
  /** More lines for --help, if the summary is not enough. */
  description?: string;
  examples: readonly string[];
  args?: readonly ArgSpec[];
  options?: readonly OptionSpec[];
  schema: S;
  /**
   * Can the server that holds the embedded data folder run it for us? Not for restore, which must
   * never replace a database under a running server.
   */
  remote: boolean;
  /** Migrate and load reference data before running (restore checks the target is empty first). */
  prepare: boolean;
  run(ctx: AppContext, input: z.output<S>, io: CommandIo): Promise<CommandResult>;
  /**
   * For commands that queue a job: on the server they return `data.jobId` at once; the CLI then
   * follows the job's progress and prints this summary of the finished job.
   */
  followJob?: (job: JobView) => CommandResult;
}

/** A command with its schema type erased, so that commands of different shapes share one list. */
export interface Command extends Omit<CommandDef<z.ZodType>, 'run'> {
  /** `input` must be the output of this command's schema (the runner and the route both parse it). */
  run(ctx: AppContext, input: unknown, io: CommandIo): Promise<CommandResult>;
}

export function defineCommand<S extends z.ZodType>(def: CommandDef<S>): Command {
  return { ...def, run: (ctx, input, io) => def.run(ctx, input as z.output<S>, io) };
}

/** Chinese first, then English: the platform's convention for messages in both languages. */
export const say = (zh: string, en: string) => `${zh} / ${en}`;
