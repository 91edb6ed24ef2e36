/** Password rules shared by the server (enforced) and the web app (shown as the user types). */
export const PASSWORD_MIN_LENGTH = 10;

export interface PasswordCheck {
  key: 'length' | 'classes' | 'username';
  ok: boolean;
}

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((re) => re.test(password)).length;
}

/** The structural checks (length, 3 of 4 character classes, not the username). */
export function checkPasswordShape(password: string, username: string, minLength = PASSWORD_MIN_LENGTH): PasswordCheck[] {
  const lower = password.toLowerCase();
  const user = username.trim().toLowerCase();
  return [
    { key: 'length', ok: [...password].length >= minLength },
    { key: 'classes', ok: characterClasses(password) >= 3 },
    { key: 'username', ok: user.length === 0 || !lower.includes(user) },
  ];
}
