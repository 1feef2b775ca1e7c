import { useId, useState } from 'react';
import { Button, makeStyles, tokens } from '@fluentui/react-components';
import type { TrackerAction } from '../../../../src/domain/tracker-view';
import { RagChip } from '../../components/RagChip';
import { formatDate, formatDateTime } from '../../format/dates';
import {
  actionAgeing,
  actionStatusLabels,
  historyNoteLabel,
  historyTitle,
  safeLink,
} from './trackerText';

const useStyles = makeStyles({
  item: {
    paddingTop: tokens.spacingVerticalXS,
    paddingBottom: tokens.spacingVerticalS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    ':last-child': { borderBottom: 'none' },
  },
  title: { margin: 0, fontWeight: tokens.fontWeightSemibold },
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalS,
    rowGap: tokens.spacingVerticalXXS,
    marginTop: tokens.spacingVerticalXS,
    marginBottom: tokens.spacingVerticalXS,
    '& dt': { color: tokens.colorNeutralForeground2 },
    '& dd': { margin: 0 },
  },
  history: {
    marginTop: tokens.spacingVerticalXS,
    marginBottom: 0,
    paddingLeft: tokens.spacingHorizontalL,
    '& li': { marginBottom: tokens.spacingVerticalXS },
  },
  entryTitle: { fontWeight: tokens.fontWeightSemibold },
  // The browser's default link blue is unreadable on the dark theme.
  link: {
    color: tokens.colorBrandForegroundLink,
    ':hover': { color: tokens.colorBrandForegroundLinkHover },
  },
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clip: 'rect(0 0 0 0)',
    whiteSpace: 'nowrap',
  },
});

/** One action with its facts, and its full history behind a disclosure button. */
export function ActionItem({ action }: { action: TrackerAction }) {
  const styles = useStyles();
  const historyId = useId();
  const [open, setOpen] = useState(false);
  const revised = action.dueDate !== action.targetDate;

  return (
    <li className={styles.item}>
      <p className={styles.title}>{action.description}</p>
      <dl className={styles.facts}>
        {action.ownerName && (
          <>
            <dt>Owner</dt>
            <dd>{action.ownerName}</dd>
          </>
        )}
        <dt>Due</dt>
        <dd>
          {formatDate(action.dueDate)}
          {revised && ` (revised from ${formatDate(action.targetDate)})`}
        </dd>
        <dt>Progress</dt>
        <dd>{action.progress}%</dd>
        <dt>Status</dt>
        <dd>{actionStatusLabels[action.status]}</dd>
        <dt>RAG</dt>
        <dd>
          <RagChip verdict={action.rag} /> {action.rag.reason}
        </dd>
        <dt>Ageing</dt>
        <dd>{actionAgeing(action)}</dd>
        {action.verifiedAt && (
          <>
            <dt>Verified</dt>
            <dd>{formatDate(action.verifiedAt)}</dd>
          </>
        )}
        {action.note && (
          <>
            <dt>Scrutineer’s note</dt>
            <dd>{action.note}</dd>
          </>
        )}
        {action.impactChecks.length > 0 && (
          <>
            <dt>Impact checks</dt>
            <dd>
              {action.impactChecks
                .map(
                  (c) =>
                    `${c.monthsAfter} months, due ${formatDate(c.dueDate)} (${c.status})` +
                    (c.outcome ? `: ${c.outcome}` : ''),
                )
                .join('; ')}
            </dd>
          </>
        )}
      </dl>
      {action.history.length === 0 ? (
        <p>No updates yet.</p>
      ) : (
        <>
          <Button
            size="small"
            aria-expanded={open}
            aria-controls={open ? historyId : undefined}
            onClick={() => setOpen((o) => !o)}
          >
            {open ? 'Hide history' : `Show history (${action.history.length})`}
            <span className={styles.visuallyHidden}> of “{action.description}”</span>
          </Button>
          {open && (
            <ol
              id={historyId}
              className={styles.history}
              aria-label={`History of “${action.description}”`}
            >
              {action.history.map((entry, i) => {
                const link = entry.kind === 'update' ? safeLink(entry.evidenceLink) : undefined;
                return (
                  <li key={`${entry.at}-${i}`}>
                    <span className={styles.entryTitle}>{historyTitle(entry)}</span>,{' '}
                    {formatDateTime(entry.at)}, {entry.byName}
                    {(entry.kind === 'update' ? entry.narrative : entry.note) && (
                      <div>
                        {historyNoteLabel(entry)}:{' '}
                        {entry.kind === 'update' ? entry.narrative : entry.note}
                      </div>
                    )}
                    {entry.kind === 'update' && entry.revisedDate && (
                      <div>Target revised to {formatDate(entry.revisedDate)}</div>
                    )}
                    {link && (
                      <div>
                        <a
                          href={link}
                          target="_blank"
                          rel="noopener noreferrer"
                          className={styles.link}
                        >
                          Evidence
                        </a>
                      </div>
                    )}
                    {entry.kind === 'update' && entry.evidenceLink && !link && (
                      <div>Evidence: {entry.evidenceLink}</div>
                    )}
                  </li>
                );
              })}
            </ol>
          )}
        </>
      )}
    </li>
  );
}
