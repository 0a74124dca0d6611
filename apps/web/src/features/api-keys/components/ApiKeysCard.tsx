import { useState } from 'react';
import { Card } from '../../../components/ui/Card.js';
import { ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { useApiKeysQuery } from '../../../gql/hooks.js';
import { ApiKeysTable } from './ApiKeysTable.js';
import { CreateApiKeyForm } from './CreateApiKeyForm.js';
import { NewSecretNotice } from './NewSecretNotice.js';

export function ApiKeysCard() {
  const { data, loading, error, refetch } = useApiKeysQuery();
  // The secret lives only in this component's state: it is never cached or refetched.
  const [revealed, setRevealed] = useState<{ name: string; secret: string } | null>(null);

  return (
    <Card
      title="API keys"
      subtitle="Authenticate server-to-server calls with Authorization: Bearer <key>"
      aria-label="API keys"
    >
      <CreateApiKeyForm onCreated={(created) => setRevealed({ name: created.apiKey.name, secret: created.secret })} />
      {revealed && <NewSecretNotice name={revealed.name} secret={revealed.secret} onDone={() => setRevealed(null)} />}
      {error && !data && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !data && <LoadingState />}
      {data && <ApiKeysTable keys={data.apiKeys} />}
    </Card>
  );
}
