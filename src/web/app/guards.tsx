import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Permission } from './api-types';
import { loginPath, pathForStage } from './nav';
import { ForbiddenPage } from './pages/ForbiddenPage';
import { useSession } from './session';

/** Pages behind sign-in: no session → sign-in page; unfinished step → that step; both come back here. */
export function RequireSession({ children }: { children: ReactNode }) {
  const { view } = useSession();
  const loc = useLocation();
  const here = `${loc.pathname}${loc.search}`;
  if (!view) return <Navigate to={loginPath(here)} replace />;
  if (view.stage !== 'active') return <Navigate to={pathForStage(view.stage, here)} replace />;
  return children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { can } = useSession();
  return can(permission) ? children : <ForbiddenPage />;
}
