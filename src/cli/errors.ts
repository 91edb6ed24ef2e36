import { ConfigError } from '../server/config';
import { StartupError } from '../server/bootstrap';
import { LockedError } from '../server/db/lock';
import { MigrationError } from '../server/db/migrate';
import { AppError } from '../server/errors';

/**
 * Everything that can stop a command becomes one Failure: a code, a message for people and details
 * for --json. Exit codes: 1 the command failed, 2 it was called wrongly (arguments).
 */
export interface Failure {
  code: string;
  message: string;
  details?: unknown;
  exitCode: number;
}

export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;

export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly code = 'failed',
    readonly exitCode = EXIT_FAILED,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/** Errors whose message is written for the operator (configuration, lock, migrations, start-up checks). */
const OPERATOR_FACING = [ConfigError, LockedError, MigrationError, StartupError] as const;

export function isOperatorFacing(err: unknown): err is Error {
  return OPERATOR_FACING.some((cls) => err instanceof cls);
}

/**
 * For the operator API: such errors reach the CLI as a 422 with their message instead of the
 * generic 500 that hides internals from web users (the operator is on this machine anyway).
 */
export function toAppError(err: unknown): unknown {
  if (!isOperatorFacing(err)) return err;
  return new AppError('rule', { zh: err.message, en: err.message }, { error: err.name });
}

export function describeFailure(err: unknown): Failure {
  if (err instanceof CliError) return { code: err.code, message: err.message, details: err.details, exitCode: err.exitCode };
  if (err instanceof AppError) return { code: err.code, message: err.message, details: err.details, exitCode: EXIT_FAILED };
  if (isOperatorFacing(err)) return { code: err.name, message: err.message, exitCode: EXIT_FAILED };
  const text = err instanceof Error ? (err.stack ?? err.message) : String(err);
  return { code: 'internal', message: `意外错误 / Unexpected error: ${text}`, exitCode: EXIT_FAILED };
}
