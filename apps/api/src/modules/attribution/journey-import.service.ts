import { randomUUID } from 'node:crypto';
import type { CsvFormat } from '@aa/attribution';
import type { Clock } from '../../clock.js';
import type { Entitlements } from '../entitlements/index.js';
import { allowanceExceeded, duplicateImport } from './attribution.errors.js';
import type { ReportWindow } from './journey-feed.store.js';
import type { DeletedJourneys, JourneyImportData, JourneyImportStore } from './journey-import.store.js';
import type { ImportUpload } from './import-upload.js';
import type { ImportTotals, JourneyAllowance, JourneyStore } from './journey.store.js';
import { MAX_IMPORT_JOURNEYS, readImportRecords, type ImportFormat } from './import-records.js';

export interface ImportOptions {
  /** Shown in the imports list; default "journeys.csv". */
  fileName?: string | null;
  /** The same content imported before: delete that import's journeys and store this one instead. */
  replace?: boolean | null;
}

export interface ImportSummary extends ImportTotals {
  id: string;
  fileName: string;
  format: CsvFormat;
  /** Data lines of the file (after its header). */
  rows: number;
  /** The earlier import of the same file that this one replaced, or null. */
  replacedImportId: string | null;
}

export const DEFAULT_IMPORT_FILE_NAME = 'journeys.csv';
const MAX_FILE_NAME_LENGTH = 255;

/** The room an organization's plan leaves for stored journeys, refused with the numbers. */
export function journeyAllowance({ tier, limits }: Entitlements, upgradeUrl: string): JourneyAllowance {
  return {
    limit: limits.storedJourneys,
    refuse: (used, requested) =>
      allowanceExceeded({ plan: tier, limit: limits.storedJourneys, used, requested }, upgradeUrl),
  };
}

/** Bulk CSV imports (the whole file is stored in one transaction, or nothing is), their list and deletions. */
export class JourneyImportService {
  constructor(
    private readonly store: JourneyStore,
    private readonly imports: JourneyImportStore,
    private readonly clock: Clock,
    private readonly upgradeUrl: string,
    readonly maxJourneys = MAX_IMPORT_JOURNEYS,
  ) {}

  /** Reads the upload lazily: a stream (the REST upload) or a string's lines (the GraphQL mutation). */
  async import(
    organizationId: string,
    entitlements: Entitlements,
    upload: ImportUpload,
    options: ImportOptions = {},
  ): Promise<ImportSummary> {
    const seen: ImportFormat = { format: undefined };
    const counted = countDataRows(upload.lines);
    const fileName = fileNameOf(options.fileName);
    const id = randomUUID();
    const outcome = await this.store.importAll(
      organizationId,
      {
        id,
        createdAt: this.clock.now(),
        replace: options.replace === true,
        allowance: journeyAllowance(entitlements, this.upgradeUrl),
        // readImportRecords refuses a file without a header, so the format is known by then.
        describe: () => ({
          fileName,
          contentSha256: upload.contentSha256(),
          format: seen.format ?? 'journeys',
          rows: counted.rows,
        }),
        duplicate: duplicateImport,
      },
      async (writer) => {
        for await (const record of readImportRecords(counted.lines, seen, this.maxJourneys)) {
          if (record.kind === 'path') await writer.addPathRow(record.row);
          else await writer.addJourney(record.journey);
        }
      },
    );
    return {
      ...outcome.totals,
      id,
      fileName,
      format: seen.format ?? 'journeys',
      rows: outcome.rows,
      replacedImportId: outcome.replaced?.id ?? null,
    };
  }

  list(organizationId: string): Promise<JourneyImportData[]> {
    return this.imports.list(organizationId);
  }

  stored(organizationId: string): Promise<number> {
    return this.imports.stored(organizationId);
  }

  /** Null for an unknown import or another organization's. */
  deleteImport(organizationId: string, importId: string): Promise<DeletedJourneys | null> {
    return this.imports.deleteImport(organizationId, importId);
  }

  deleteInWindow(organizationId: string, window: ReportWindow): Promise<DeletedJourneys> {
    return this.imports.deleteInWindow(organizationId, window);
  }

  deleteAll(organizationId: string): Promise<DeletedJourneys> {
    return this.imports.deleteAll(organizationId);
  }
}

function fileNameOf(name: string | null | undefined): string {
  // Control characters (NUL among them) cannot be stored in a text column, nor shown usefully.
  // eslint-disable-next-line no-control-regex
  const trimmed = name?.replace(/[\u0000-\u001f\u007f]/g, '').trim() ?? '';
  return trimmed === '' ? DEFAULT_IMPORT_FILE_NAME : trimmed.slice(0, MAX_FILE_NAME_LENGTH);
}

/** Counts the file's non-blank lines after the header as they pass. */
function countDataRows(lines: AsyncIterable<string> | Iterable<string>) {
  const counted = { rows: 0, lines: counting() };
  async function* counting(): AsyncGenerator<string> {
    let nonBlank = 0;
    for await (const line of lines) {
      if (line.trim() !== '') counted.rows = Math.max(++nonBlank - 1, 0);
      yield line;
    }
  }
  return counted;
}
