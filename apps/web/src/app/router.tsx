import { createBrowserRouter } from 'react-router';
import { AppShell } from './AppShell.js';
import { AdminRoute } from './routes/AdminRoute.js';
import { RequireAuth } from './RequireAuth.js';
import { AttributionRoute } from './routes/AttributionRoute.js';
import { BillingSuccessRoute } from './routes/BillingSuccessRoute.js';
import { DashboardRoute } from './routes/DashboardRoute.js';
import { NotFoundRoute } from './routes/NotFoundRoute.js';
import { PricingRoute } from './routes/PricingRoute.js';
import { SettingsRoute } from './routes/SettingsRoute.js';
import { SignInRoute, SignUpRoute } from './routes/AuthRoutes.js';

export const router = createBrowserRouter([
  { path: '/signin', element: <SignInRoute /> },
  { path: '/signup', element: <SignUpRoute /> },
  {
    element: <AppShell />,
    children: [
      { path: '/pricing', element: <PricingRoute /> },
      {
        element: <RequireAuth />,
        children: [
          { path: '/', element: <DashboardRoute /> },
          { path: '/attribution', element: <AttributionRoute /> },
          { path: '/settings', element: <SettingsRoute /> },
          { path: '/billing/success', element: <BillingSuccessRoute /> },
          { path: '/admin', element: <AdminRoute /> },
        ],
      },
      { path: '*', element: <NotFoundRoute /> },
    ],
  },
]);
