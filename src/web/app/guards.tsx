import type { ReactNode } from 'react';
import { Navigate, useLocation, useMatches } from 'react-router';
import type { Permission } from './api-types';
import type { RouteHandle } from './Layout';
import { loginPath, pathForStage } from './nav';
import { ForbiddenPage } from './pages/StatusPage';
import { useSession } from './session';

/**
 * Pages behind sign-in: no session → sign-in page; unfinished step → that step; both come back here.
 * A route marked public (the 404 page) is shown to visitors in `publicFrame` instead.
 */
export function RequireSession({ children, publicFrame }: { children: ReactNode; publicFrame?: ReactNode }) {
  const { view } = useSession();
  const loc = useLocation();
  const matches = useMatches();
  const here = `${loc.pathname}${loc.search}`;
  if (!view) {
    const isPublic = matches.some((m) => (m.handle as RouteHandle | undefined)?.public);
    return isPublic && publicFrame ? publicFrame : <Navigate to={loginPath(here)} replace />;
  }
  if (view.stage !== 'active') return <Navigate to={pathForStage(view.stage, here)} replace />;
  return children;
}

/** The page shows to users holding the permission (or any one of several). */
export function RequirePermission({ permission, children }: { permission: Permission | readonly Permission[]; children: ReactNode }) {
  const { can } = useSession();
  const list: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  return list.some((p) => can(p)) ? children : <ForbiddenPage />;
}
