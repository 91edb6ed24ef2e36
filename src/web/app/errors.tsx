import { App as AntdApp, Button, Result } from 'antd';
import type { FormInstance } from 'antd';
import { Component, useCallback, type ErrorInfo, type ReactNode } from 'react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { isApiError } from './api';
import { useI18n, useT, type Lang } from './i18n';

// Already announced by the session provider, which also moves the user to the sign-in page.
const HANDLED_ELSEWHERE = new Set(['session_expired', 'unauthenticated', 'step_required']);

export function errorText(err: unknown, fallback: string): string {
  if (isApiError(err)) return err.message;
  return fallback;
}

/** Shows a failed action's server message (in the UI language) as a toast. */
export function useReportError(): (err: unknown) => void {
  const { message } = AntdApp.useApp();
  const t = useT();
  return useCallback(
    (err: unknown) => {
      if (isApiError(err) && HANDLED_ELSEWHERE.has(err.code)) return;
      message.error({ content: errorText(err, t('error.unexpected')), duration: 6 });
    },
    [message, t],
  );
}

/**
 * Puts a 400/422 answer's per-field problems onto the form. Returns true when at least one field
 * was marked, so the caller can skip the toast.
 */
export function applyFormErrors(form: FormInstance, err: unknown, lang: Lang): boolean {
  if (!isApiError(err)) return false;
  const problems = err.fieldProblems(lang);
  const known = new Set(Object.keys(form.getFieldsValue() as Record<string, unknown>));
  const fields = problems.filter((p) => known.has(p.field)).map((p) => ({ name: p.field, errors: [p.message] }));
  if (fields.length === 0) return false;
  form.setFields(fields);
  return true;
}

/** The two together: mark fields when possible, otherwise show the message. */
export function useFormErrorHandler(form: FormInstance): (err: unknown) => void {
  const report = useReportError();
  const { lang } = useI18n();
  return useCallback(
    (err: unknown) => {
      if (!applyFormErrors(form, err, lang)) report(err);
    },
    [form, lang, report],
  );
}

function CrashResult({ onReset }: { onReset?: () => void }) {
  const t = useT();
  return (
    <Result
      status="500"
      title={t('error.crashTitle')}
      subTitle={t('error.crashHint')}
      extra={[
        <Button key="reload" type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>,
        <Link key="home" to="/" onClick={onReset}>
          {t('common.backHome')}
        </Link>,
      ]}
    />
  );
}

interface BoundaryState {
  error: Error | null;
}

/** Catches render errors of a page so the shell (menu, header) stays usable. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, BoundaryState> {
  override state: BoundaryState = { error: null };

  static getDerivedStateFromError(error: Error): BoundaryState {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page crashed', error, info.componentStack);
  }

  override componentDidUpdate(prev: { resetKey?: string }): void {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <CrashResult onReset={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}

/** Router-level errors: a failed lazy page load (e.g. after an upgrade) or a render error. */
export function RouteError() {
  const err = useRouteError();
  const t = useT();
  if (isRouteErrorResponse(err) && err.status === 404) {
    return <Result status="404" title={t('notFound.title')} extra={<Link to="/">{t('common.backHome')}</Link>} />;
  }
  console.error(err);
  return <CrashResult />;
}
