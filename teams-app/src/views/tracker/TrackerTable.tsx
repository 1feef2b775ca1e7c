import {
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  tokens,
} from '@fluentui/react-components';
import type { TrackerPartner, TrackerRow } from '../../../../src/domain/tracker-view';
import { RagChip } from '../../components/RagChip';
import { formatDate } from '../../format/dates';
import {
  channelLabels,
  decisionLabels,
  lineOfEnquiryLabels,
  priorityLabels,
} from '../../forms/fields';
import { ActionItem } from './ActionItem';
import { days } from './trackerText';

export const AWAITING = 'Awaiting response';

const columns = ['Recommendation', 'Overall RAG', 'Partner', 'Response', 'Actions'] as const;

// Under this width each line becomes a stacked card with its own labels, so nothing scrolls sideways.
const NARROW = '@media (max-width: 48rem)';

const useStyles = makeStyles({
  table: { tableLayout: 'auto', [NARROW]: { display: 'block' } },
  header: {
    [NARROW]: {
      position: 'absolute',
      width: '1px',
      height: '1px',
      overflow: 'hidden',
      clip: 'rect(0 0 0 0)',
      whiteSpace: 'nowrap',
    },
  },
  body: { [NARROW]: { display: 'block' } },
  row: {
    verticalAlign: 'top',
    [NARROW]: {
      display: 'block',
      paddingTop: tokens.spacingVerticalS,
      paddingBottom: tokens.spacingVerticalS,
    },
  },
  cell: {
    verticalAlign: 'top',
    paddingTop: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalS,
    overflowWrap: 'break-word',
    [NARROW]: {
      display: 'grid',
      gridTemplateColumns: '8rem 1fr',
      columnGap: tokens.spacingHorizontalS,
      height: 'auto',
      minHeight: 0,
      '::before': { content: 'attr(data-label)', fontWeight: tokens.fontWeightSemibold },
    },
  },
  reference: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  meta: {
    display: 'block',
    color: tokens.colorNeutralForeground2,
    fontSize: tokens.fontSizeBase200,
  },
  block: { display: 'block' },
  actions: { listStyleType: 'none', margin: 0, padding: 0 },
});

function ResponseText({ part }: { part: TrackerPartner }) {
  const styles = useStyles();
  const response = part.response;
  if (!response) return <>{AWAITING}</>;
  return (
    <>
      <span className={styles.block}>
        <strong>{decisionLabels[response.decision]}</strong>
      </span>
      <span className={styles.block}>{response.rationale}</span>
      <span className={styles.meta}>
        {formatDate(response.respondedAt)}, {response.responderName} (
        {channelLabels[response.channel]}); {days(response.daysToRespond)} to respond
      </span>
    </>
  );
}

/** One table line per recommendation and named partner; the recommendation spans its partners. */
export function TrackerTable({
  rows,
  labelledBy,
}: {
  rows: readonly TrackerRow[];
  labelledBy: string;
}) {
  const styles = useStyles();
  return (
    <Table aria-labelledby={labelledBy} className={styles.table}>
      <TableHeader className={styles.header}>
        <TableRow>
          {columns.map((c) => (
            <TableHeaderCell key={c}>{c}</TableHeaderCell>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody className={styles.body}>
        {rows.flatMap((row) => {
          const rec = row.recommendation;
          const span = Math.max(row.partners.length, 1);
          const first = (
            <>
              <TableCell rowSpan={span} className={styles.cell} data-label={columns[0]}>
                <span>
                  <span className={styles.reference}>{rec.reference}</span>
                  <span className={styles.block}>{rec.title}</span>
                  <span className={styles.meta}>
                    Priority: {priorityLabels[rec.priority]}
                    {rec.themes.length > 0 &&
                      `; themes: ${rec.themes.map((t) => lineOfEnquiryLabels[t]).join(', ')}`}
                  </span>
                  <span className={styles.meta}>
                    Issued {formatDate(rec.issuedAt)}, {days(row.ageDays)} ago; response due{' '}
                    {formatDate(rec.responseDueDate)}
                  </span>
                </span>
              </TableCell>
              <TableCell rowSpan={span} className={styles.cell} data-label={columns[1]}>
                <span>
                  <RagChip verdict={row.rag} />
                  <span className={styles.block}>{row.rag.reason}</span>
                </span>
              </TableCell>
            </>
          );
          if (row.partners.length === 0) {
            return [
              <TableRow key={rec.id} className={styles.row}>
                {first}
                <TableCell className={styles.cell} data-label={columns[2]}>
                  No partner named
                </TableCell>
                <TableCell className={styles.cell} data-label={columns[3]}>
                  –
                </TableCell>
                <TableCell className={styles.cell} data-label={columns[4]}>
                  –
                </TableCell>
              </TableRow>,
            ];
          }
          return row.partners.map((part, i) => (
            <TableRow key={`${rec.id}:${part.partner.id}`} className={styles.row}>
              {i === 0 && first}
              <TableCell className={styles.cell} data-label={columns[2]}>
                <span>
                  <span className={styles.block}>{part.partner.name}</span>
                  <RagChip verdict={part.rag} />
                  <span className={styles.block}>{part.rag.reason}</span>
                </span>
              </TableCell>
              <TableCell className={styles.cell} data-label={columns[3]}>
                <span>
                  <ResponseText part={part} />
                </span>
              </TableCell>
              <TableCell className={styles.cell} data-label={columns[4]}>
                {part.actions.length === 0 ? (
                  'No actions yet'
                ) : (
                  <ul className={styles.actions}>
                    {part.actions.map((action) => (
                      <ActionItem key={action.id} action={action} />
                    ))}
                  </ul>
                )}
              </TableCell>
            </TableRow>
          ));
        })}
      </TableBody>
    </Table>
  );
}
