import { useState } from 'react';
import { Badge } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { EmptyState, ErrorAlert } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import type { ApiKeyFieldsFragment } from '../../../gql/graphql.js';
import { useRevokeApiKeyMutation } from '../../../gql/hooks.js';
import { formatDateTime, formatDay } from '../../../lib/format.js';

const COLUMNS: readonly Column[] = [
  { label: 'Name' },
  { label: 'Key' },
  { label: 'Created' },
  { label: 'Last used' },
  { label: 'Status', numeric: true },
];

export function ApiKeysTable({ keys }: { keys: readonly ApiKeyFieldsFragment[] }) {
  const [revoke, { error }] = useRevokeApiKeyMutation();
  const [revokingId, setRevokingId] = useState<string | null>(null);

  if (keys.length === 0) {
    return (
      <EmptyState title="No API keys yet">
        Create a key to send journeys from your servers with the GraphQL API.
      </EmptyState>
    );
  }

  function confirmRevoke(key: ApiKeyFieldsFragment) {
    if (window.confirm(`Revoke “${key.name}”? Requests using it will be refused at once.`)) {
      setRevokingId(key.id);
      void revoke({ variables: { id: key.id } })
        .catch(() => null)
        .finally(() => setRevokingId(null));
    }
  }

  return (
    <>
      {error && <ErrorAlert error={error} />}
      <Table label="API keys" columns={COLUMNS}>
        {keys.map((key) => (
          <tr key={key.id}>
            <td>{key.name}</td>
            <td>
              <code>{key.prefix}…</code>
            </td>
            <td>{formatDay(key.createdAt)}</td>
            <td className="muted">{key.lastUsedAt ? formatDateTime(key.lastUsedAt) : 'Never'}</td>
            <td className="num">
              {key.revokedAt ? (
                <Badge>Revoked</Badge>
              ) : (
                <Button variant="danger" size="sm" busy={revokingId === key.id} onClick={() => confirmRevoke(key)}>
                  Revoke
                </Button>
              )}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}
