import { useState } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import { JourneyImportsDocument, UsageDocument } from '../../../gql/graphql.js';
import { useDeleteImportMutation, useJourneyImportsQuery } from '../../../gql/hooks.js';
import { formatCount, formatDateTime } from '../../../lib/format.js';

const IMPORT_COLUMNS: readonly Column[] = [
  { label: 'File' },
  { label: 'Imported' },
  { label: 'Rows', numeric: true },
  { label: 'Stored', numeric: true },
  { label: 'Actions', numeric: true },
];

/** The organization's imports with their counts; admins may delete one (its journeys go with it). */
export function ImportsList({ canDelete }: { canDelete: boolean }) {
  const { data, loading, error, refetch } = useJourneyImportsQuery({ fetchPolicy: 'cache-and-network' });
  const [confirming, setConfirming] = useState<string | null>(null);
  const [deleteImport, deletion] = useDeleteImportMutation({
    refetchQueries: [JourneyImportsDocument, UsageDocument],
    awaitRefetchQueries: true,
  });
  const imports = data?.imports;

  async function remove(id: string) {
    await deleteImport({ variables: { id } }).catch(() => null);
    setConfirming(null);
  }

  return (
    <section className="stack" aria-label="Imports">
      <h3 className="card__title">Your imports</h3>
      {error && !imports && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {deletion.error && <ErrorAlert error={deletion.error} />}
      {loading && !imports && <LoadingState />}
      {imports && imports.length === 0 && <EmptyState title="No imports yet">Upload a CSV above.</EmptyState>}
      {imports && imports.length > 0 && (
        <Table label="Imports" columns={IMPORT_COLUMNS}>
          {imports.map((item) => (
            <tr key={item.id}>
              <td>{item.fileName}</td>
              <td>{formatDateTime(item.createdAt)}</td>
              <td className="num">{formatCount(item.rows)}</td>
              <td className="num">
                {formatCount(item.storedJourneys)} {item.format === 'PATH_ROWS' ? 'path rows' : 'journeys'}
              </td>
              <td className="num">
                {canDelete &&
                  (confirming === item.id ? (
                    <div className="row row--end">
                      <Button
                        variant="danger"
                        size="sm"
                        busy={deletion.loading}
                        aria-label={`Confirm deleting ${item.fileName}`}
                        onClick={() => void remove(item.id)}
                      >
                        Delete {formatCount(item.storedJourneys)}
                      </Button>
                      <Button variant="ghost" size="sm" onClick={() => setConfirming(null)}>
                        Keep
                      </Button>
                    </div>
                  ) : (
                    <Button
                      variant="secondary"
                      size="sm"
                      aria-label={`Delete ${item.fileName}`}
                      onClick={() => setConfirming(item.id)}
                    >
                      Delete
                    </Button>
                  ))}
              </td>
            </tr>
          ))}
        </Table>
      )}
    </section>
  );
}
