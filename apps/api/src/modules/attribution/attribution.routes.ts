import { once } from 'node:events';
import { capabilitiesOf } from '@aa/plans';
import { Router, type Request, type Response } from 'express';
import { DomainError } from '../../errors/domain-error.js';
import { requireSignedIn } from '../../graphql/auth-checker.js';
import { authenticateRequest } from '../accounts/authenticate.js';
import type { Principal } from '../accounts/principal.js';
import type { HttpRouteDeps } from '../module.js';
import { FeatureNotInPlanError } from '../plans/plans.errors.js';
import { AttributionError } from './attribution.errors.js';
import { reportCsvLines } from './report-csv.js';
import { uploadLines } from './upload-lines.js';

const STATUS_OF_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  UNAUTHENTICATED: 401,
  FEATURE_NOT_IN_PLAN: 402,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  PLAN_LIMIT_EXCEEDED: 402,
};

/** REST next to GraphQL: CSV uploads too large for an 8 MB GraphQL body, and CSV exports (SCALE). */
export function attributionRoutes({ config, services }: HttpRouteDeps): Router {
  const router = Router();
  const { upgradeUrl } = config.server;

  router.post('/imports/journeys', async (req, res) => {
    await answerErrors(req, res, async () => {
      const principal = await signedIn(req);
      if (!req.is('text/csv')) {
        res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send the file as Content-Type: text/csv' } });
        return;
      }
      const summary = await services.attribution.imports.import(principal.organizationId, uploadLines(req.iterator({ destroyOnReturn: false })));
      res.json({ import: summary });
    });
  });

  router.get('/exports/attribution-reports/:file', async (req, res) => {
    await answerErrors(req, res, async () => {
      const principal = await signedIn(req);
      const { tier } = await services.plans.current(principal.organizationId);
      if (!capabilitiesOf(tier).exports) throw new FeatureNotInPlanError(tier, { kind: 'exports' }, upgradeUrl);
      const id = /^(.+)\.csv$/.exec(req.params.file ?? '')?.[1] ?? '';
      const report = await services.attribution.reports.find(principal.organizationId, id);
      if (!report) throw new AttributionError('REPORT_NOT_FOUND', 'No such report in your organization');
      res.status(200);
      res.setHeader('content-type', 'text/csv; charset=utf-8');
      res.setHeader('content-disposition', `attachment; filename="attribution-report-${report.id}.csv"`);
      for (const line of reportCsvLines(report.credits)) {
        if (!res.write(line)) await once(res, 'drain');
      }
      res.end();
    });
  });

  async function signedIn(req: Request): Promise<Principal> {
    const principal = await authenticateRequest(req, services);
    if (!principal) throw requireSignedIn();
    return principal;
  }

  return router;
}

/** Domain errors answer `{ error: { code, message, ...details } }` with their HTTP status; the rest is masked. */
async function answerErrors(req: Request, res: Response, handle: () => Promise<void>): Promise<void> {
  try {
    await handle();
  } catch (error) {
    if (res.headersSent) {
      req.log.error({ err: error }, 'response failed after it started');
      res.destroy();
      return;
    }
    if (error instanceof DomainError) {
      // An upload refused half-way: discard the rest as it arrives, so the client finishes sending
      // and reads this answer (closing the socket under it would surface as a connection reset).
      if (req.readable) req.resume();
      res.status(STATUS_OF_CODE[error.code] ?? 400).json({
        error: { code: error.code, message: error.message, reason: error.reason, ...error.options.details },
      });
      return;
    }
    req.log.error({ err: error }, 'attribution route failed');
    res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
  }
}
