import { z } from 'zod';
import { say } from '../command';

/** Pieces several commands share. */

/** An existing account's login name; the lookup lower-cases it like the username schema does. */
export const usernameInput = z.string().trim().min(1).max(64);

export const usernameArg = { name: 'username', key: 'username', help: say('登录名', 'login name') } as const;

/** A password the operator chose (read from stdin); the password policy is checked by the service. */
export const passwordInput = z.string().min(1).max(200).optional();

/** The temporary password is shown once, here, and never stored in clear. */
export function passwordNotice(temporary: string | undefined): string[] {
  if (!temporary) return [say('已使用标准输入提供的密码；首次登录须修改', 'The password from standard input is set; it must be changed at first sign-in')];
  return [say('临时密码（仅显示这一次，首次登录须修改）', 'Temporary password (shown once; must be changed at first sign-in)') + `: ${temporary}`];
}
