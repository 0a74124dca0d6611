import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/Button.js';
import { ErrorAlert } from '../../../components/ui/States.js';
import { ApiKeysDocument, type CreateApiKeyMutation } from '../../../gql/graphql.js';
import { useCreateApiKeyMutation } from '../../../gql/hooks.js';

type CreatedKey = CreateApiKeyMutation['createApiKey'];

export function CreateApiKeyForm({ onCreated }: { onCreated: (created: CreatedKey) => void }) {
  const [name, setName] = useState('');
  const [createApiKey, { loading, error }] = useCreateApiKeyMutation({ refetchQueries: [ApiKeysDocument] });

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await createApiKey({ variables: { name: name.trim() } }).catch(() => null);
    if (result?.data) {
      onCreated(result.data.createApiKey);
      setName('');
    }
  }

  return (
    <form className="stack" onSubmit={submit}>
      {error && <ErrorAlert error={error} />}
      <div className="row">
        <input
          className="input"
          style={{ flex: 1 }}
          aria-label="Key name"
          placeholder="Key name, e.g. Production server"
          required
          maxLength={100}
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
        <Button type="submit" busy={loading}>
          Create key
        </Button>
      </div>
    </form>
  );
}
