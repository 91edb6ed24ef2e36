import type { ReactNode } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import type { SessionView, Stage } from '../../../app/api-types';
import { loginPath, pathForStage, safeNext } from '../../../app/nav';
import { useSession } from '../../../app/session';

/**
 * Each sign-in step page shows only while the session is in its stage; otherwise it forwards to
 * the right place, carrying `?next=` along.
 */
export function useSignInStep(expected: Stage | null): { view: SessionView | null; next: string; redirect: ReactNode } {
  const { view } = useSession();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  let redirect: ReactNode = null;
  if (expected === null) {
    if (view) redirect = <Navigate to={pathForStage(view.stage, next)} replace />;
  } else if (!view) redirect = <Navigate to={loginPath(next)} replace />;
  else if (view.stage !== expected) redirect = <Navigate to={pathForStage(view.stage, next)} replace />;
  return { view, next, redirect };
}
