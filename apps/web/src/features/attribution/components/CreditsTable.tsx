import { Card } from '../../../components/ui/Card.js';
import { EmptyState } from '../../../components/ui/States.js';
import { Table, type Column } from '../../../components/ui/Table.js';
import type { AttributionModel } from '../../../gql/graphql.js';
import { formatCredit, formatQuantity } from '../../../lib/format.js';
import { MODEL_LABELS } from '../model-catalog.js';

interface Credit {
  readonly conversions: number;
  readonly value: number;
}

export interface ModelCreditsView {
  readonly model: AttributionModel;
  readonly channels: readonly (Credit & { readonly channel: string })[];
  /** Reports say what fell outside the lookback window; a single tracked journey does not. */
  readonly unattributed?: Credit;
}

/** One card per model: channels by credited conversions, with a bar of their share of all conversions. */
export function CreditsTables({ credits }: { credits: readonly ModelCreditsView[] }) {
  if (credits.length === 0)
    return <EmptyState title="No credit to show">No converted journeys fell inside the window.</EmptyState>;
  return (
    <div className="grid grid--2">
      {credits.map((entry) => (
        <ModelCreditsCard key={entry.model} entry={entry} />
      ))}
    </div>
  );
}

const CREDIT_COLUMNS: readonly Column[] = [
  { label: 'Channel' },
  { label: 'Share', className: 'bar-cell' },
  { label: 'Conversions', numeric: true },
  { label: 'Value', numeric: true },
];

function ModelCreditsCard({ entry }: { entry: ModelCreditsView }) {
  const channels = [...entry.channels].sort((a, b) => b.conversions - a.conversions);
  const total =
    channels.reduce((sum, channel) => sum + channel.conversions, 0) + (entry.unattributed?.conversions ?? 0);
  const channelCount = formatQuantity(channels.length, 'channel');
  const subtitle = entry.unattributed?.conversions
    ? `${channelCount} · ${formatCredit(entry.unattributed.conversions)} conversions outside the lookback window`
    : channelCount;
  return (
    <Card title={MODEL_LABELS[entry.model]} subtitle={subtitle} aria-label={`${MODEL_LABELS[entry.model]} credits`}>
      <Table label={`${MODEL_LABELS[entry.model]} credits`} columns={CREDIT_COLUMNS}>
        {channels.map((row) => (
          <tr key={row.channel}>
            <td>{row.channel}</td>
            <td className="bar-cell">
              <div className="bar">
                <div className="bar__fill" style={{ width: `${total > 0 ? (row.conversions / total) * 100 : 0}%` }} />
              </div>
            </td>
            <td className="num">{formatCredit(row.conversions)}</td>
            <td className="num">{formatCredit(row.value)}</td>
          </tr>
        ))}
      </Table>
    </Card>
  );
}
