import { ButtonLink } from '../../components/ui/Button.js';
import { PageHeader } from '../../components/ui/PageHeader.js';

export function NotFoundRoute() {
  return (
    <div className="page">
      <PageHeader
        title="Page not found"
        description="The address may be mistyped, or the page has moved."
        actions={<ButtonLink to="/">Back to dashboard</ButtonLink>}
      />
    </div>
  );
}
