/**
 * The one HTTP client of the web app. It sends the UI language (so server messages come back in it),
 * the CSRF token on every state-changing request, and turns every failure into an ApiError carrying
 * the contract's {code, message, details}. Session problems (expired, step required) are passed to
 * the session provider, which sends the user to the sign-in page and back.
 */

export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** Per-field problems of a 400/422 answer, with field paths relative to the request body. */
  fieldProblems(lang: 'zh' | 'en'): FieldProblem[] {
    if (!Array.isArray(this.details)) return [];
    const out: FieldProblem[] = [];
    for (const d of this.details as unknown[]) {
      if (!d || typeof d !== 'object') continue;
      const { field, message } = d as { field?: unknown; message?: unknown };
      if (typeof field !== 'string' || field === '') continue;
      let text = this.message;
      if (typeof message === 'string') text = message;
      else if (message && typeof message === 'object') {
        const m = message as Partial<Record<'zh' | 'en', string>>;
        text = m[lang] ?? m.zh ?? this.message;
      }
      out.push({ field: field.replace(/^(body|querystring|params)\.?/, ''), message: text });
    }
    return out;
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;
export const isNotFound = (e: unknown): boolean => isApiError(e) && e.status === 404;

type Lang = 'zh' | 'en';
type QueryValue = string | number | boolean | null | undefined;
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let language: Lang = 'zh';
let authProblemHandler: ((e: ApiError) => void) | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

export function setApiLanguage(lang: Lang): void {
  language = lang;
}

/** The session provider registers here to hear about expired sessions and unfinished sign-in steps. */
export function onAuthProblem(handler: ((e: ApiError) => void) | null): void {
  authProblemHandler = handler;
}

const NETWORK_MESSAGE: Record<Lang, string> = {
  zh: '无法连接服务器，请检查网络后重试',
  en: 'Cannot reach the server; check the network and try again',
};
const HTTP_MESSAGE: Record<Lang, (status: number) => string> = {
  zh: (s) => `服务器返回了错误（HTTP ${s}），请稍后重试`,
  en: (s) => `The server answered with an error (HTTP ${s}); try again later`,
};

// Failures on these are part of signing in, not a lost session.
const SIGN_IN_PATHS = ['/api/auth/login', '/api/auth/me', '/api/auth/mfa', '/api/auth/password', '/api/auth/logout'];

export function buildUrl(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) {
    if (v === undefined || v === null || v === '') continue;
    params.set(k, String(v));
  }
  const s = params.toString();
  return s ? `${path}?${s}` : path;
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, opts: { query?: Query; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const headers: Record<string, string> = {
    accept: 'application/json',
    'accept-language': language === 'zh' ? 'zh-CN' : 'en',
  };
  // A file upload (FormData) sets its own multipart content type with the boundary.
  const multipart = opts.body instanceof FormData;
  if (opts.body !== undefined && !multipart) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;

  let res: Response;
  try {
    res = await fetch(buildUrl(path, opts.query), {
      method,
      headers,
      credentials: 'same-origin',
      body: opts.body === undefined ? undefined : multipart ? (opts.body as FormData) : JSON.stringify(opts.body),
      signal: opts.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', NETWORK_MESSAGE[language]);
  }

  return answerOf<T>(res.status, res.ok, await res.text(), path);
}

/** The body of a finished request, or the ApiError it stands for (shared by fetch and XHR uploads). */
function answerOf<T>(status: number, ok: boolean, text: string, path: string): T {
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (ok) return data as T;

  const body = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } } | undefined)?.error;
  const err = new ApiError(
    status,
    typeof body?.code === 'string' ? body.code : `http_${status}`,
    typeof body?.message === 'string' ? body.message : HTTP_MESSAGE[language](status),
    body?.details,
  );
  const signingIn = SIGN_IN_PATHS.some((p) => path.startsWith(p));
  const lostSession = status === 401 && (err.code === 'session_expired' || err.code === 'unauthenticated') && !signingIn;
  const stepRequired = status === 403 && err.code === 'step_required';
  if ((lostSession || stepRequired) && authProblemHandler) authProblemHandler(err);
  throw err;
}

/**
 * One file as multipart/form-data (part name "file") with upload progress (fetch reports none):
 * the same headers and errors as every other call.
 */
export function uploadWithProgress<T>(path: string, file: File, opts: { onProgress?: (percent: number) => void; signal?: AbortSignal } = {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', language === 'zh' ? 'zh-CN' : 'en');
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.withCredentials = true;
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && opts.onProgress) opts.onProgress(Math.min(99, Math.round((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      try {
        resolve(answerOf<T>(xhr.status, xhr.status >= 200 && xhr.status < 300, xhr.responseText, path));
      } catch (e) {
        reject(e);
      }
    };
    xhr.onerror = () => reject(new ApiError(0, 'network', NETWORK_MESSAGE[language]));
    xhr.onabort = () => reject(new DOMException('Upload aborted', 'AbortError'));
    opts.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const body = new FormData();
    body.append('file', file, file.name);
    xhr.send(body);
  });
}

export const http = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body: body ?? {} }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body: body ?? {} }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body: body ?? {} }),
  del: <T>(path: string) => request<T>('DELETE', path),
  /** One file as multipart/form-data (part name "file"), with the same headers and errors as every call. */
  upload: <T>(path: string, file: File, query?: Query) => {
    const body = new FormData();
    body.append('file', file, file.name);
    return request<T>('POST', path, { query, body });
  },
};
