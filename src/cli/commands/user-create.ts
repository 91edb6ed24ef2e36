import { z } from 'zod';
import { role, userCreate, username } from '../../server/domains/identity/users/schema';
import { createUser } from '../../server/domains/identity/users/service';
import { defineCommand, say } from '../command';
import { orgByRef } from '../lookup';
import { passwordInput, passwordNotice } from './shared';

export const userCreateInput = z.strictObject({
  username,
  displayName: userCreate.shape.displayName,
  org: z.string().trim().min(1).max(100).describe('Organisation id or exact name'),
  roles: z.array(role).max(4).default([]),
  scope: z.string().trim().min(1).max(20).optional().describe('Area code the account sees; default: the whole city for city-wide roles, else the organisation’s area'),
  email: userCreate.shape.email,
  password: passwordInput,
});

export default defineCommand({
  id: 'user-create',
  words: ['user', 'create'],
  summary: say('新建账号（可直接授予角色）', 'Create an account (roles may be granted at once)'),
  description: say(
    '打印一次临时密码，首次登录须修改；用 --password-stdin 从标准输入读取指定密码。系统管理员、安全管理员、审计员须在首次登录时绑定 TOTP。',
    'Prints a temporary password once, to be changed at first sign-in; --password-stdin reads a chosen one from standard input instead. Administrators and auditors enrol TOTP at first sign-in.',
  ),
  examples: [
    'xinzhi user create --username admin --name 系统管理员 --org 信阳市市场监督管理局 --role sysadmin',
    'xinzhi user create --username gushi.li --name 李明 --org 固始县市场监督管理局 --role area_officer --scope 411525 --email li@example.cn',
    'printf %s "$PASSWORD" | xinzhi user create --username audit --name 审计员 --org 信阳市市场监督管理局 --role auditor --password-stdin',
  ],
  options: [
    { flags: '--username <username>', key: 'username', help: say('登录名：2–32 位小写字母、数字或 _ . -', 'login name: 2–32 lower-case letters, digits, _ . -') },
    { flags: '--name <name>', key: 'displayName', help: say('姓名', 'display name') },
    { flags: '--org <org>', key: 'org', help: say('所属机构 ID 或完整名称', 'organisation id or exact name') },
    { flags: '--role <role>', key: 'roles', repeatable: true, help: say('角色，可重复或用逗号分隔', 'role; repeat or separate with commas') },
    { flags: '--scope <area>', key: 'scope', help: say('可见地区代码', 'area code the account sees') },
    { flags: '--email <email>', key: 'email', help: say('电子邮箱', 'e-mail address') },
    { flags: '--password-stdin', key: 'password', stdin: true, help: say('从标准输入读取密码', 'read the password from standard input') },
  ],
  schema: userCreateInput,
  remote: true,
  prepare: true,
  async run(ctx, input, io) {
    const org = await orgByRef(ctx, io.actor, input.org);
    const { user, temporaryPassword } = await createUser(
      ctx,
      io.actor,
      { username: input.username, displayName: input.displayName, orgId: org.id, ...(input.email ? { email: input.email } : {}) },
      { roles: input.roles, ...(input.scope ? { areaScope: input.scope } : {}), ...(input.password ? { password: input.password } : {}) },
    );
    const roles = user.roles.join(', ');
    return {
      message: [
        say(`已新建账号 ${user.username}（${user.displayName}，${org.name}）`, `Created account ${user.username} (${user.displayName}, ${org.name})`),
        say(`角色：${roles || '无（待安全管理员授权）'}；范围：${user.areaName}`, `roles: ${roles || 'none (pending a grant by the security administrator)'}; scope: ${user.areaScope}`),
        ...passwordNotice(input.password ? undefined : temporaryPassword),
      ].join('\n'),
      data: { user, ...(input.password ? {} : { temporaryPassword }) },
    };
  },
});
