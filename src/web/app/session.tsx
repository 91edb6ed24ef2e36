import { useQueryClient } from '@tanstack/react-query';
import { App as AntdApp, Button, Result, Spin } from 'antd';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { onAuthProblem, setCsrfToken, type ApiError } from './api';
import type { Me, Meta, Permission, SessionView, Stage } from './api-types';
import { authApi, systemApi } from './endpoints';
import { useT } from './i18n';

interface SessionValue {
  meta: Meta;
  view: SessionView | null;
  user: Me | null;
  /** Replace the session after a sign-in step (or null after sign-out). */
  setView: (view: SessionView | null) => void;
  can: (permission: Permission) => boolean;
  logout: () => Promise<void>;
}

const SessionContext = createContext<SessionValue | null>(null);

const STAGES: readonly Stage[] = ['mfa', 'enrol', 'password', 'active'];

/** Loads /api/meta and restores the session (/api/auth/me) before anything is shown. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const { message } = AntdApp.useApp();
  const queryClient = useQueryClient();
  const [meta, setMeta] = useState<Meta | null>(null);
  const [view, setViewState] = useState<SessionView | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const viewRef = useRef<SessionView | null>(null);

  const setView = useCallback(
    (next: SessionView | null) => {
      // Another account's cached lists must never show after a change of user.
      if (!next || next.user.id !== viewRef.current?.user.id) queryClient.clear();
      viewRef.current = next;
      setCsrfToken(next?.csrfToken ?? null);
      setViewState(next);
    },
    [queryClient],
  );

  useEffect(() => {
    let cancelled = false;
    setFailed(false);
    Promise.all([
      systemApi.meta(),
      authApi.me().catch((e: ApiError) => {
        if (e.status === 401) return null;
        throw e;
      }),
    ])
      .then(([m, v]) => {
        if (cancelled) return;
        setMeta(m);
        setView(v);
      })
      .catch(() => !cancelled && setFailed(true));
    return () => {
      cancelled = true;
    };
  }, [attempt, setView]);

  useEffect(() => {
    onAuthProblem((err) => {
      const current = viewRef.current;
      if (err.code === 'step_required') {
        const stage = (err.details as { stage?: string } | undefined)?.stage;
        if (current && STAGES.includes(stage as Stage)) setView({ ...current, stage: stage as Stage });
        return;
      }
      if (current) {
        message.warning({ content: err.message, key: 'session-lost' });
        setView(null);
      }
    });
    return () => onAuthProblem(null);
  }, [message, setView]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } catch {
      // The session may already be gone; either way the user is signed out here.
    }
    setView(null);
  }, [setView]);

  const value = useMemo<SessionValue | null>(
    () =>
      meta && {
        meta,
        view,
        user: view?.user ?? null,
        setView,
        can: (p: Permission) => view?.stage === 'active' && view.user.permissions.includes(p),
        logout,
      },
    [meta, view, setView, logout],
  );

  if (failed) {
    return (
      <Result
        status="error"
        title={t('boot.failed')}
        subTitle={t('boot.failedHint')}
        extra={
          <Button type="primary" onClick={() => setAttempt((a) => a + 1)}>
            {t('common.retry')}
          </Button>
        }
      />
    );
  }
  if (!value) {
    return (
      <div className="xz-boot" role="status" aria-live="polite">
        <Spin size="large" description={t('common.loading')} />
      </div>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** The signed-in user; only for pages behind RequireSession. */
export function useUser(): Me {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a session');
  return user;
}
