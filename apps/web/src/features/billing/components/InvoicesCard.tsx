import { Badge, type BadgeTone } from '../../../components/ui/Badge.js';
import { Button } from '../../../components/ui/Button.js';
import { Card } from '../../../components/ui/Card.js';
import { EmptyState, ErrorAlert, LoadingState } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import { useInvoicesQuery } from '../../../gql/hooks.js';
import { formatDay } from '../../../lib/format.js';
import { formatAmount } from '../money.js';

const PAGE_SIZE = 10;

const STATUS_TONES: Record<string, BadgeTone> = {
  paid: 'success',
  open: 'warning',
  uncollectible: 'danger',
  void: 'neutral',
};

const COLUMNS: readonly Column[] = [
  { label: 'Date' },
  { label: 'Invoice' },
  { label: 'Amount', numeric: true },
  { label: 'Status' },
  { label: 'Documents' },
];

/** The organization's Stripe invoices, with Stripe's hosted page (to pay an open one) and its PDF. */
export function InvoicesCard() {
  const { data, loading, error, refetch, fetchMore } = useInvoicesQuery({
    variables: { first: PAGE_SIZE },
    fetchPolicy: 'cache-and-network',
  });
  const page = data?.invoices;

  function more(after: string) {
    void fetchMore({
      variables: { after },
      updateQuery: (previous, { fetchMoreResult }) => ({
        invoices: {
          ...fetchMoreResult.invoices,
          nodes: [...previous.invoices.nodes, ...fetchMoreResult.invoices.nodes],
        },
      }),
    }).catch(() => null);
  }

  return (
    <Card title="Invoices" subtitle="Every charge Stripe made for your subscription" aria-label="Invoices">
      {error && !page && <ErrorAlert error={error} onRetry={() => void refetch()} />}
      {loading && !page && <LoadingState />}
      {page && page.nodes.length === 0 && (
        <EmptyState title="No invoices yet">They appear here once you subscribe to a paid plan.</EmptyState>
      )}
      {page && page.nodes.length > 0 && (
        <Table label="Invoices" columns={COLUMNS}>
          {page.nodes.map((invoice) => (
            <tr key={invoice.id} data-testid="invoice-row">
              <td className="nowrap">{formatDay(invoice.createdAt)}</td>
              <td>{invoice.number ?? '—'}</td>
              <td className="num">{formatAmount(invoice.amountDue, invoice.currency)}</td>
              <td>
                <Badge tone={STATUS_TONES[invoice.status] ?? 'neutral'}>{invoice.status}</Badge>
              </td>
              <td>
                <span className="row">
                  {invoice.hostedInvoiceUrl && (
                    <a
                      href={invoice.hostedInvoiceUrl}
                      aria-label={`${invoice.status === 'open' ? 'Pay' : 'View'} invoice ${invoice.number ?? ''}`}
                    >
                      {invoice.status === 'open' ? 'Pay' : 'View'}
                    </a>
                  )}
                  {invoice.invoicePdf && (
                    <a href={invoice.invoicePdf} aria-label={`PDF of invoice ${invoice.number ?? ''}`}>
                      PDF
                    </a>
                  )}
                </span>
              </td>
            </tr>
          ))}
        </Table>
      )}
      {page?.endCursor && (
        <Button variant="secondary" size="sm" busy={loading} onClick={() => more(page.endCursor ?? '')}>
          Show older invoices
        </Button>
      )}
    </Card>
  );
}
