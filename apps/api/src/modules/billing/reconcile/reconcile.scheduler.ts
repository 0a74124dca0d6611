import { PgBoss } from 'pg-boss';
import type { Logger } from '../../../observability/logger.js';
import type { ReconciliationService } from './reconciliation.service.js';

const QUEUE = 'billing-reconcile';

export interface ReconcileScheduler {
  stop(): Promise<void>;
}

/**
 * The daily reconciliation on pg-boss, kept in the app's own database (external PostgreSQL, or the
 * embedded PGlite through its socket server): every instance registers the same cron under one
 * name, pg-boss creates one job per tick however many instances watch it, and the `exclusive` queue
 * lets one instance at a time run it.
 */
export async function startReconcileScheduler(
  databaseUrl: string,
  cron: string,
  reconciliation: ReconciliationService,
  log: Logger,
): Promise<ReconcileScheduler> {
  const boss = new PgBoss({ connectionString: databaseUrl, max: 2, application_name: 'aa-reconcile' });
  boss.on('error', (error: unknown) => log.error({ err: error }, 'reconciliation scheduler error'));
  await boss.start();
  await boss.createQueue(QUEUE, { policy: 'exclusive' });
  await boss.schedule(QUEUE, cron, null, { tz: 'UTC' });
  await boss.work(QUEUE, async () => {
    await reconciliation.run('schedule');
  });
  log.info({ cron }, 'billing reconciliation scheduled (UTC)');
  return {
    stop: () => boss.stop({ graceful: true, timeout: 5_000 }),
  };
}
