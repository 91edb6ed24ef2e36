import { Command as Commander, CommanderError, Option } from 'commander';
import { VERSION } from '../server/version';
import { say, type Command } from './command';
import { COMMANDS } from './commands';
import { EXIT_USAGE } from './errors';
import { collect, rawInput, readStdinOptions } from './input';
import { createOutput } from './output';
import { execute } from './run';

/**
 * `xinzhi`, the operator's command line. Commands are declared in ./commands and all run through
 * execute() (run.ts); this file only turns their declarations into commander commands.
 */
const GROUPS: Record<string, string> = {
  user: say('账号管理', 'Accounts'),
  org: say('机构管理', 'Organisations'),
  seed: say('演示数据', 'Demo data'),
  audit: say('审计日志', 'Audit log'),
  import: say('数据导入', 'Import'),
};

const ENVIRONMENT = `
${say('环境变量', 'Environment')}:
  DATABASE_URL      PostgreSQL; ${say('未设置时使用 XINZHI_DATA_DIR 中的内嵌数据库', 'unset: the embedded database in XINZHI_DATA_DIR')}
  XINZHI_DATA_DIR   ${say('数据目录，默认 ./.xinzhi', 'data folder, default ./.xinzhi')}
  XINZHI_FILES      ${say('文件库目录，默认 <数据目录>/files', 'file store folder, default <data dir>/files')}
  XINZHI_SECRET     ${say('加密密钥（使用 DATABASE_URL 时必填）', 'encryption key (required with DATABASE_URL)')}

${say('服务运行时，命令经由服务执行（restore 除外）。退出码：0 成功，1 失败，2 参数错误。', 'While the server runs, commands go through it (except restore). Exit codes: 0 success, 1 failure, 2 bad arguments.')}`;

function groupOf(parent: Commander, word: string): Commander {
  const existing = parent.commands.find((c) => c.name() === word);
  if (existing) return existing;
  return parent.command(word).description(GROUPS[word] ?? word);
}

/** Group lines in the top-level help name their sub-commands, so `xinzhi --help` shows every command. */
function describeGroups(program: Commander): void {
  for (const group of program.commands.filter((c) => c.commands.length > 0)) {
    group.description(`${GROUPS[group.name()] ?? group.name()}: ${group.commands.map((c) => c.name()).join(' | ')}`);
  }
}

function helpText(cmd: Command): string {
  const lines = cmd.examples.map((e) => `  $ ${e}`).join('\n');
  return `${cmd.description ? `\n${cmd.description}\n` : ''}\n${say('示例', 'Examples')}:\n${lines}\n`;
}

function addCommand(program: Commander, cmd: Command, setExit: (code: number) => void): void {
  const parent = cmd.words.slice(0, -1).reduce(groupOf, program);
  const sub = parent.command(cmd.words.at(-1) ?? cmd.id).description(cmd.summary).addHelpText('after', helpText(cmd));
  for (const arg of cmd.args ?? []) sub.argument(`<${arg.name}>`, arg.help);
  const options = (cmd.options ?? []).map((o) => {
    const opt = new Option(o.flags, o.help);
    if (o.repeatable) opt.argParser(collect);
    sub.addOption(opt);
    return opt;
  });
  const attributeOf = (flags: string) => options.find((o) => o.flags === flags)?.attributeName() ?? flags;
  sub.action(async (...params: unknown[]) => {
    const self = params.at(-1) as Commander;
    const opts = self.opts();
    const out = createOutput(Boolean(self.optsWithGlobals().json));
    const readInput = async () => {
      const raw = rawInput(cmd, self.processedArgs, opts, attributeOf);
      await readStdinOptions(cmd, opts, attributeOf, raw);
      return raw;
    };
    setExit(await execute(cmd, readInput, out));
  });
}

export function buildProgram(setExit: (code: number) => void): Commander {
  const program = new Commander('xinzhi')
    .description(say('信知 Xinzhi 运维命令行：迁移、账号、备份与恢复、审计校验', 'Xinzhi operator command line: migrations, accounts, backup and restore, audit verification'))
    .version(VERSION, '-V, --version', say('显示版本', 'show the version'))
    .helpOption('-h, --help', say('显示帮助', 'show help'))
    .helpCommand('help [command]', say('显示命令的帮助', 'show help for a command'))
    .option('--json', say('以 JSON 输出结果（stdout）和错误（stderr）', 'print results (stdout) and errors (stderr) as JSON'))
    .addHelpText('after', ENVIRONMENT)
    .showHelpAfterError(say('（--help 查看用法）', '(add --help for usage)'))
    .exitOverride();
  for (const cmd of COMMANDS) addCommand(program, cmd, setExit);
  describeGroups(program);
  return program;
}

/** Parses argv, runs the command and returns the process exit code. */
export async function run(argv: readonly string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => {
    code = c;
  });
  try {
    await program.parseAsync([...argv]);
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    // --help and --version end here with exit code 0; unknown commands and options are usage errors.
    return err.exitCode === 0 ? 0 : EXIT_USAGE;
  }
  return code;
}
