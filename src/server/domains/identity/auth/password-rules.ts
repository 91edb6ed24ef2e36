import { readFileSync } from 'node:fs';
import { dictionary } from '@zxcvbn-ts/language-common';
import { checkPasswordShape } from '../../../../shared/password-policy';
import type { Bilingual } from '../../../errors';

/** The password every demo account uses; refused for any account outside demo mode. */
export const DEMO_PASSWORD = 'Xinyang#2022';

let common: Set<string> | undefined;

/** 49,233 common passwords (zxcvbn-ts, MIT) plus a list of Chinese users' favourites. */
function commonPasswords(): Set<string> {
  if (!common) {
    const zh = readFileSync(new URL('../../../../../data/reference/common-passwords-zh.txt', import.meta.url), 'utf8')
      .split('\n')
      .map((l) => l.trim().toLowerCase())
      .filter((l) => l && !l.startsWith('#'));
    common = new Set([...(dictionary['passwords-common'] as string[]).map((p) => p.toLowerCase()), ...zh]);
  }
  return common;
}

export const commonPasswordCount = () => commonPasswords().size;

const LEET: Record<string, string> = { '@': 'a', '4': 'a', '3': 'e', '1': 'i', '!': 'i', '0': 'o', $: 's', '5': 's', '7': 't' };

/**
 * A common password dressed up with capitals, a trailing symbol or letter-lookalike digits
 * ("Password123!", "P@ssw0rd") is still common.
 */
function isCommon(password: string): boolean {
  const list = commonPasswords();
  const lower = password.toLowerCase();
  const trimmed = lower.replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '');
  const base = lower.replace(/[^a-z]+$/, '');
  const unleet = (v: string) => [...v].map((c) => LEET[c] ?? c).join('');
  return [lower, trimmed, base, unleet(lower), unleet(base)].some((v) => v.length > 0 && list.has(v));
}

/** Every rule the password breaks, in both languages; empty when acceptable. */
export function passwordProblems(password: string, username: string, opts: { minLength: number; demo: boolean }): Bilingual[] {
  const out: Bilingual[] = [];
  for (const c of checkPasswordShape(password, username, opts.minLength)) {
    if (c.ok) continue;
    if (c.key === 'length') out.push({ zh: `密码至少 ${opts.minLength} 个字符`, en: `At least ${opts.minLength} characters` });
    if (c.key === 'classes') out.push({ zh: '需包含大写字母、小写字母、数字、符号中的至少三类', en: 'Use at least three of: upper case, lower case, digits, symbols' });
    if (c.key === 'username') out.push({ zh: '密码不能包含用户名', en: 'The password must not contain the username' });
  }
  if (password === DEMO_PASSWORD && !opts.demo) {
    out.push({ zh: '演示密码只能在演示模式下使用', en: 'The demo password is not allowed outside demo mode' });
  } else if (isCommon(password)) {
    out.push({ zh: '该密码过于常见，容易被猜中', en: 'This password is too common and easy to guess' });
  }
  return out;
}
