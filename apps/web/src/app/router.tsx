import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { LoadingState } from '../components/ui/States.js';
import { AppShell } from './AppShell.js';
import { RequireAuth } from './RequireAuth.js';

/** One chunk per route module: a visitor downloads the screens they open, not the whole app. */
function routeOf<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name): ComponentType {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const SignInRoute = routeOf(() => import('./routes/AuthRoutes.js'), 'SignInRoute');
const SignUpRoute = routeOf(() => import('./routes/AuthRoutes.js'), 'SignUpRoute');
const DashboardRoute = routeOf(() => import('./routes/DashboardRoute.js'), 'DashboardRoute');
const AttributionRoute = routeOf(() => import('./routes/AttributionRoute.js'), 'AttributionRoute');
const PricingRoute = routeOf(() => import('./routes/PricingRoute.js'), 'PricingRoute');
const SettingsRoute = routeOf(() => import('./routes/SettingsRoute.js'), 'SettingsRoute');
const BillingSuccessRoute = routeOf(() => import('./routes/BillingSuccessRoute.js'), 'BillingSuccessRoute');
const AdminRoute = routeOf(() => import('./routes/AdminRoute.js'), 'AdminRoute');
const InvitationRoute = routeOf(() => import('./routes/InvitationRoute.js'), 'InvitationRoute');
const NotFoundRoute = routeOf(() => import('./routes/NotFoundRoute.js'), 'NotFoundRoute');

/** The sign-in pages live outside the shell, so they wait for their chunk on their own. */
function Standalone({ children }: { children: ReactNode }) {
  return <Suspense fallback={<LoadingState />}>{children}</Suspense>;
}

/**
 * Declarative routes (no loaders or actions here): the BrowserRouter mode leaves react-router's data
 * router out of the bundle, about a third of the library.
 */
export function AppRoutes() {
  return (
    <Routes>
      <Route
        path="/signin"
        element={
          <Standalone>
            <SignInRoute />
          </Standalone>
        }
      />
      <Route
        path="/signup"
        element={
          <Standalone>
            <SignUpRoute />
          </Standalone>
        }
      />
      <Route
        path="/invitations/:token"
        element={
          <Standalone>
            <InvitationRoute />
          </Standalone>
        }
      />
      <Route element={<AppShell />}>
        <Route path="/pricing" element={<PricingRoute />} />
        <Route element={<RequireAuth />}>
          <Route path="/" element={<DashboardRoute />} />
          <Route path="/attribution" element={<AttributionRoute />} />
          <Route path="/attribution/reports/:id" element={<AttributionRoute />} />
          <Route path="/settings" element={<SettingsRoute />} />
          <Route path="/billing/success" element={<BillingSuccessRoute />} />
          <Route path="/admin" element={<AdminRoute />} />
        </Route>
        <Route path="*" element={<NotFoundRoute />} />
      </Route>
    </Routes>
  );
}
