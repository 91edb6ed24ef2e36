import { z } from 'zod';
import { defineCommand, say } from '../command';
import { usernameArg, usernameInput } from './shared';
import { switchAccount } from './user-disable';

export const userEnableInput = z.strictObject({ username: usernameInput });

export default defineCommand({
  id: 'user-enable',
  words: ['user', 'enable'],
  summary: say('重新启用已停用的账号', 'Re-enable a disabled account'),
  examples: ['xinzhi user enable zhang.san'],
  args: [usernameArg],
  schema: userEnableInput,
  remote: true,
  prepare: true,
  run: (ctx, input, io) => switchAccount(ctx, io, input.username, false),
});
