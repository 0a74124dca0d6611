import { Migration } from '@mikro-orm/migrations';

export class Migration20261202170000UsageDaily extends Migration {
  override name = 'Migration20261202170000UsageDaily';

  override up(): void {
    // Per-day counts live in the same row as the period's total, so the one reserving statement keeps
    // both and the metered path gains no row and no round trip. Element i (1-based) counts the
    // (i-1)th UTC day since the period's first day; days never reserved on stay absent (read as 0).
    this.addSql(`alter table usage_counter add column daily integer[] not null default '{}'`);
  }

  override down(): void {
    this.addSql('alter table usage_counter drop column if exists daily');
  }
}
