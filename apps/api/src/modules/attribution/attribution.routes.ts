import { once } from 'node:events';
import { Router } from 'express';
import { answerErrors } from '../../http/rest-errors.js';
import { unsupportedUpload } from '../../http/upload-body.js';
import { requirePrincipal } from '../accounts/index.js';
import type { HttpRouteDeps } from '../module.js';
import { FeatureNotInPlanError } from '../entitlements/index.js';
import { AttributionError } from './attribution.errors.js';
import { IMPORT_FORMAT_NAMES } from './attribution.types.js';
import { reportCsvLines } from './report-csv.js';
import { streamUpload } from './import-upload.js';

/** REST next to GraphQL: CSV uploads too large for an 8 MB GraphQL body, and CSV exports (SCALE). */
export function attributionRoutes({ config, services }: HttpRouteDeps): Router {
  const router = Router();
  const { upgradeUrl } = config.server;

  router.post('/imports/journeys', async (req, res) => {
    await answerErrors(req, res, async () => {
      const principal = await requirePrincipal(req, services);
      const unsupported = unsupportedUpload(req, 'text/csv');
      if (unsupported !== null) {
        res.status(415).json({ error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: unsupported } });
        return;
      }
      const summary = await services.attribution.imports.import(
        principal.organizationId,
        await services.entitlements.forOrganization(principal.organizationId),
        streamUpload(req.iterator({ destroyOnReturn: false })),
        { fileName: queryString(req.query.fileName), replace: queryString(req.query.replace) === 'true' },
      );
      res.json({ import: { ...summary, format: IMPORT_FORMAT_NAMES[summary.format] } });
    });
  });

  router.get('/exports/attribution-reports/:file', async (req, res) => {
    await answerErrors(req, res, async () => {
      const principal = await requirePrincipal(req, services);
      const { tier, limits } = await services.entitlements.forOrganization(principal.organizationId);
      if (!limits.exports) throw new FeatureNotInPlanError(tier, { kind: 'exports' }, upgradeUrl);
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

  return router;
}

/** A query parameter given once, or null (absent, repeated or nested). */
function queryString(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
