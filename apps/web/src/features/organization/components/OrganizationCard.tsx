import { Badge } from '../../../components/ui/Badge.js';
import { Card } from '../../../components/ui/Card.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import type { MeQuery } from '../../../gql/graphql.js';

type Viewer = NonNullable<MeQuery['me']>;

const ROLE_HINTS: Record<string, string> = {
  OWNER: 'Full access, including billing and API keys.',
  ADMIN: 'Manages billing, API keys and attribution.',
  MEMBER: 'Runs attribution and reads reports.',
};

const MEMBER_COLUMNS: readonly Column[] = [{ label: 'Organization' }, { label: 'Member' }, { label: 'Role' }];

export function OrganizationCard({ viewer }: { viewer: Viewer }) {
  return (
    <Card
      title="Organization"
      subtitle="The workspace your journeys, reports and subscription belong to"
      aria-label="Organization"
    >
      <Table label="Members" columns={MEMBER_COLUMNS}>
        <tr>
          <td>
            <strong>{viewer.organization.name}</strong>
          </td>
          <td>{viewer.user?.email ?? 'API key'}</td>
          <td>
            <Badge tone="primary">{viewer.role}</Badge> <span className="muted">{ROLE_HINTS[viewer.role]}</span>
          </td>
        </tr>
      </Table>
    </Card>
  );
}
