import path from 'node:path';
import { locales, type z } from 'zod';
import { say, type Command } from './command';
import { CliError, EXIT_USAGE } from './errors';

/**
 * From the command line to the command's schema: positional arguments and options become one
 * object keyed like the schema (the JSON the operator API takes), then the schema validates it.
 */
export type RawInput = Record<string, unknown>;

/** `--role a --role b,c` → ['a', 'b', 'c']. */
export const collect = (value: string, previous: string[] = []) => [...previous, ...value.split(',').map((v) => v.trim()).filter(Boolean)];

const absolute = (value: unknown) => (typeof value === 'string' && value !== '' ? path.resolve(value) : value);

/** Positionals in order, then options by the attribute names commander gave them. */
export function rawInput(cmd: Command, positionals: readonly unknown[], options: Record<string, unknown>, attributeOf: (flags: string) => string): RawInput {
  const raw: RawInput = {};
  for (const [i, arg] of (cmd.args ?? []).entries()) raw[arg.key] = arg.path ? absolute(positionals[i]) : positionals[i];
  for (const opt of cmd.options ?? []) {
    const value = options[attributeOf(opt.flags)];
    if (value === undefined || opt.stdin) continue;
    raw[opt.key] = opt.path ? absolute(value) : value;
  }
  return raw;
}

/** Options that read their value from standard input (passwords never belong in argv or shell history). */
export async function readStdinOptions(cmd: Command, options: Record<string, unknown>, attributeOf: (flags: string) => string, raw: RawInput): Promise<void> {
  for (const opt of cmd.options ?? []) {
    if (!opt.stdin || !options[attributeOf(opt.flags)]) continue;
    if (process.stdin.isTTY) {
      throw new CliError(say(`${opt.flags} 从管道读取，例如 printf %s "$PASSWORD" | xinzhi …`, `${opt.flags} reads from a pipe, e.g. printf %s "$PASSWORD" | xinzhi …`), 'usage', EXIT_USAGE);
    }
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    raw[opt.key] = Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
  }
}

const zh = locales.zhCN();

/** How an argument is written on the command line, for messages: `--org` or `<username>`. */
function labelOf(cmd: Command, key: string | undefined): string {
  const arg = cmd.args?.find((a) => a.key === key);
  if (arg) return `<${arg.name}>`;
  const opt = cmd.options?.find((o) => o.key === key);
  return opt ? (opt.flags.split(/[ ,]/)[0] ?? key ?? '') : (key ?? '');
}

function describeIssue(cmd: Command, issue: z.core.$ZodIssue, raw: RawInput): string {
  const key = issue.path[0] === undefined ? undefined : String(issue.path[0]);
  const label = labelOf(cmd, key);
  if (key !== undefined && raw[key] === undefined && issue.code === 'invalid_type') return `${label}: ${say('必填', 'required')}`;
  const custom = (issue as { params?: { zh?: string } }).params?.zh;
  const chinese = custom ?? zh.localeError(issue as never);
  const zhText = typeof chinese === 'string' ? chinese : (chinese?.message ?? issue.message);
  return `${label}: ${say(zhText, issue.message)}`;
}

/** Validates with the command's schema; a failure names each bad argument as it is typed. */
export function parseInput(cmd: Command, raw: RawInput): unknown {
  const result = cmd.schema.safeParse(raw);
  if (result.success) return result.data;
  const lines = result.error.issues.map((issue) => describeIssue(cmd, issue, raw));
  throw new CliError(
    `${say('参数有误', 'Invalid arguments')} (xinzhi ${cmd.words.join(' ')}):\n${lines.map((l) => `  ${l}`).join('\n')}\n${say(`用法见 xinzhi ${cmd.words.join(' ')} --help`, `see xinzhi ${cmd.words.join(' ')} --help`)}`,
    'validation',
    EXIT_USAGE,
    lines,
  );
}
