import { z } from 'zod';
import { setUserDisabled } from '../../server/domains/identity/users/service';
import type { AppContext } from '../../server/context';
import { defineCommand, say, type CommandIo, type CommandResult } from '../command';
import { userByUsername } from '../lookup';
import { usernameArg, usernameInput } from './shared';

export const userDisableInput = z.strictObject({
  username: usernameInput,
  reason: z.string().trim().max(200).optional(),
});

/** Shared with `user enable`: the same service call in the other direction. */
export async function switchAccount(ctx: AppContext, io: CommandIo, username: string, disabled: boolean, reason?: string): Promise<CommandResult> {
  const before = await userByUsername(ctx, io.actor, username);
  const user = await setUserDisabled(ctx, io.actor, before.id, disabled, reason);
  const unchanged = (before.status === 'disabled') === disabled;
  const done = disabled
    ? say(`已停用账号 ${user.username}，其会话已全部结束`, `Disabled account ${user.username}; its sessions have ended`)
    : say(`已启用账号 ${user.username}`, `Enabled account ${user.username}`);
  return {
    message: unchanged ? say(`账号 ${user.username} 原本就是此状态`, `Account ${user.username} was already ${disabled ? 'disabled' : 'enabled'}`) : done,
    data: { user, changed: !unchanged },
  };
}

export default defineCommand({
  id: 'user-disable',
  words: ['user', 'disable'],
  summary: say('停用账号（立即结束其所有会话）', 'Disable an account (ends its sessions at once)'),
  examples: ['xinzhi user disable zhang.san --reason "离职 / left the office"'],
  args: [usernameArg],
  options: [{ flags: '--reason <text>', key: 'reason', help: say('原因，记入审计日志', 'reason, kept in the audit log') }],
  schema: userDisableInput,
  remote: true,
  prepare: true,
  run: (ctx, input, io) => switchAccount(ctx, io, input.username, true, input.reason),
});
