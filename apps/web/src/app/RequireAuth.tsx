import { Navigate, Outlet, useLocation } from 'react-router';
import { ErrorAlert, LoadingState } from '../components/ui/States.js';
import { useViewer } from '../features/auth/hooks/useViewer.js';
import { signInRedirectFor } from '../lib/apollo.js';

export function RequireAuth() {
  const { viewer, loading, error, refetch } = useViewer();
  const location = useLocation();

  if (loading) return <LoadingState />;
  if (error && !viewer) return <ErrorAlert error={error} onRetry={() => void refetch()} />;
  if (!viewer) return <Navigate to={signInRedirectFor(location) ?? '/signin'} replace />;
  return <Outlet />;
}
