import { useCallback, useState } from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { FindingItem, ObservationItem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { truncate } from '../../format/text';
import { MergeForm } from './MergeForm';
import { PromoteForm } from './PromoteForm';

const useStyles = makeStyles({
  list: {
    listStyleType: 'none',
    margin: 0,
    padding: 0,
    display: 'grid',
    gap: tokens.spacingVerticalS,
  },
  row: {
    display: 'flex',
    alignItems: 'flex-start',
    gap: tokens.spacingHorizontalS,
    flexWrap: 'wrap',
  },
  badge: { marginTop: tokens.spacingVerticalS },
  forms: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fit, minmax(20rem, 1fr))',
    columnGap: tokens.spacingHorizontalXXL,
  },
  full: {
    flexBasis: '100%',
    marginLeft: tokens.spacingHorizontalXXL,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground2,
  },
});

const NAME_LENGTH = 80;

interface ObservationsInboxProps {
  findings: readonly FindingItem[];
  /** A finding was created or merged into, or has changed elsewhere: reload the findings. */
  onFindingsChanged: () => void;
}

export function ObservationsInbox({ findings, onFindingsChanged }: ObservationsInboxProps) {
  const styles = useStyles();
  const api = useApi();
  const load = useCallback(
    () => api.getItems<ObservationItem>('/api/observations?status=open'),
    [api],
  );
  const observations = useResource(load);
  const [selectedIds, setSelectedIds] = useState<string[]>([]);

  const items = observations.data ?? [];
  // Selection order matters: the first selected observation proposes the finding's class.
  const selected = selectedIds
    .map((id) => items.find((item) => item.id === id))
    .filter((item): item is ObservationItem => item !== undefined);

  const toggle = (id: string, checked: boolean) =>
    setSelectedIds((ids) =>
      checked ? [...ids.filter((i) => i !== id), id] : ids.filter((i) => i !== id),
    );

  const done = () => {
    setSelectedIds([]);
    observations.reload();
    onFindingsChanged();
  };

  return (
    <section aria-labelledby="inbox-heading" id="inbox" tabIndex={-1}>
      <Heading level={2} id="inbox-heading">
        Observations inbox
      </Heading>
      {observations.problem && (
        <ProblemText problem={observations.problem} onRetry={observations.reload} />
      )}
      {observations.loading && !observations.data && <p>Loading observations…</p>}
      {observations.data && items.length === 0 && <p>No open observations.</p>}
      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((item) => {
            const name = truncate(item.text, NAME_LENGTH);
            return (
              <li key={item.id} className={styles.row}>
                <Checkbox
                  label={name}
                  checked={selectedIds.includes(item.id)}
                  onChange={(_, data) => toggle(item.id, data.checked === true)}
                />
                <span className={styles.badge}>
                  <ClassBadge value={item.evidenceClass} />
                </span>
                {name !== item.text.trim() && <p className={styles.full}>{item.text}</p>}
              </li>
            );
          })}
        </ul>
      )}
      <p>
        {selected.length === 0
          ? 'Select observations to promote them to a new finding or merge them into one.'
          : `${selected.length} observation${selected.length === 1 ? '' : 's'} selected.`}
      </p>
      <div className={styles.forms}>
        <PromoteForm selected={selected} onCreated={done} />
        <MergeForm
          selected={selected}
          findings={findings}
          onMerged={done}
          onConflict={onFindingsChanged}
        />
      </div>
    </section>
  );
}
