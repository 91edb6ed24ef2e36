import type { Stage } from './api-types';

/**
 * `?next=` is taken from the address bar, so only same-site paths are followed (never `//host` or
 * a scheme), and never back into the sign-in pages.
 */
export function safeNext(raw: string | null | undefined): string {
  if (!raw || !raw.startsWith('/') || raw.startsWith('//') || raw.startsWith('/\\')) return '/';
  if (raw === '/login' || raw.startsWith('/login/') || raw.startsWith('/login?')) return '/';
  return raw;
}

const withNext = (path: string, next: string) => (next === '/' ? path : `${path}?next=${encodeURIComponent(next)}`);

export const loginPath = (next: string) => withNext('/login', next);

/** Where a session in this stage goes next: a sign-in step, or the page it came for. */
export function pathForStage(stage: Stage, next: string): string {
  return stage === 'active' ? safeNext(next) : withNext(`/login/${stage}`, next);
}
