import type { CsvFormat } from '@aa/attribution';
import type { Clock } from '../../clock.js';
import type { ImportTotals, JourneyStore } from './journey.store.js';
import { MAX_IMPORT_JOURNEYS, readImportRecords, type ImportFormat } from './import-records.js';

export interface ImportSummary extends ImportTotals {
  format: CsvFormat;
}

/** Bulk CSV imports: the whole file is stored in one transaction, or nothing is. */
export class JourneyImportService {
  constructor(
    private readonly store: JourneyStore,
    private readonly clock: Clock,
    readonly maxJourneys = MAX_IMPORT_JOURNEYS,
  ) {}

  /** `lines` may be a stream (the REST upload) or an array (the GraphQL mutation); both read lazily. */
  async import(organizationId: string, lines: AsyncIterable<string> | Iterable<string>): Promise<ImportSummary> {
    const seen: ImportFormat = { format: undefined };
    const totals = await this.store.importAll(organizationId, this.clock.now(), async (writer) => {
      for await (const record of readImportRecords(lines, seen, this.maxJourneys)) {
        if (record.kind === 'path') await writer.addPathRow(record.row);
        else await writer.addJourney(record.journey);
      }
    });
    // readImportRecords refuses a file without a header, so the format is known here.
    return { format: seen.format ?? 'journeys', ...totals };
  }
}
