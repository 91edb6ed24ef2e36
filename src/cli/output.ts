import type { CommandResult } from './command';
import type { Failure } from './errors';

/** Results on stdout, progress and errors on stderr; --json makes both machine-readable. */
export interface Output {
  progress(line: string): void;
  result(r: CommandResult): void;
  failure(f: Failure): void;
}

export interface Streams {
  stdout: { write(s: string): unknown };
  stderr: { write(s: string): unknown };
}

export function createOutput(json: boolean, streams: Streams = process): Output {
  return {
    progress: (line) => streams.stderr.write(`${line}\n`),
    result: (r) => streams.stdout.write(json ? `${JSON.stringify({ ok: true, message: r.message, data: r.data }, null, 2)}\n` : `${r.message}\n`),
    failure: (f) =>
      streams.stderr.write(
        json
          ? `${JSON.stringify({ ok: false, error: { code: f.code, message: f.message, ...(f.details === undefined ? {} : { details: f.details }) } }, null, 2)}\n`
          : `xinzhi: ${f.message}\n`,
      ),
  };
}
