import { ButtonLink } from '../../components/ui/Button.js';
import { Card } from '../../components/ui/Card.js';
import { EmptyState } from '../../components/ui/States.js';

export function NotFoundRoute() {
  return (
    <div className="page">
      <Card>
        <EmptyState title="Page not found" action={<ButtonLink to="/">Back to dashboard</ButtonLink>}>
          The address may be mistyped, or the page has moved.
        </EmptyState>
      </Card>
    </div>
  );
}
