import { z } from 'zod';
import { resetPassword } from '../../server/domains/identity/users/service';
import { defineCommand, say } from '../command';
import { userByUsername } from '../lookup';
import { passwordInput, passwordNotice, usernameArg, usernameInput } from './shared';

export const userResetPasswordInput = z.strictObject({ username: usernameInput, password: passwordInput });

export default defineCommand({
  id: 'user-reset-password',
  words: ['user', 'reset-password'],
  summary: say('重置密码（解锁账号并结束其会话）', 'Reset a password (unlocks the account and ends its sessions)'),
  description: say('打印一次临时密码，用户登录时须修改。', 'Prints a temporary password once; the user must change it at sign-in.'),
  examples: ['xinzhi user reset-password zhang.san', 'printf %s "$NEW" | xinzhi user reset-password zhang.san --password-stdin'],
  args: [usernameArg],
  options: [{ flags: '--password-stdin', key: 'password', stdin: true, help: say('从标准输入读取新密码', 'read the new password from standard input') }],
  schema: userResetPasswordInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const before = await userByUsername(ctx, io.actor, input.username);
    const { user, temporaryPassword } = await resetPassword(ctx, io.actor, before.id, input.password);
    return {
      message: [say(`已重置 ${user.username} 的密码，其会话已结束`, `Reset the password of ${user.username}; its sessions have ended`), ...passwordNotice(input.password ? undefined : temporaryPassword)].join('\n'),
      data: { user, ...(input.password ? {} : { temporaryPassword }) },
    };
  },
});
