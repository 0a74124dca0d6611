import type { ApiRoute } from '../http/route.js';
import { catalogRoutes } from './catalog-routes.js';
import { checkoutRoutes } from './checkout-routes.js';
import { customerRoutes } from './customer-routes.js';
import { invoiceRoutes } from './invoice-routes.js';
import { paymentRoutes } from './payment-routes.js';
import { platformRoutes } from './platform-routes.js';
import { scheduleRoutes } from './schedule-routes.js';
import { portalRoutes } from './portal-routes.js';
import { subscriptionRoutes } from './subscription-routes.js';

export const ALL_ROUTES: ApiRoute[] = [
  ...catalogRoutes,
  ...customerRoutes,
  ...subscriptionRoutes,
  ...scheduleRoutes,
  ...invoiceRoutes,
  ...paymentRoutes,
  ...checkoutRoutes,
  ...portalRoutes,
  ...platformRoutes,
];
