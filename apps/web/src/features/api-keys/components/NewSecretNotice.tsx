import { Button } from '../../../components/ui/Button.js';
import { CopyButton } from '../../../components/ui/CopyButton.js';

export function NewSecretNotice({ name, secret, onDone }: { name: string; secret: string; onDone: () => void }) {
  return (
    <div className="alert alert--success stack" role="status" aria-label="New API key">
      <strong>“{name}” created. Copy the secret now: it will not be shown again.</strong>
      <div className="secret">
        <code data-testid="api-key-secret">{secret}</code>
        <CopyButton text={secret} />
      </div>
      <div className="row row--end">
        <Button variant="ghost" size="sm" onClick={onDone}>
          I have saved it
        </Button>
      </div>
    </div>
  );
}
