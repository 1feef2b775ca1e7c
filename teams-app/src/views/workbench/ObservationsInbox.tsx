import { useCallback, useState } from 'react';
import { Checkbox, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../api/ApiContext';
import type { ObservationItem } from '../../api/types';
import { useResource } from '../../api/useResource';
import { ClassBadge } from '../../components/ClassBadge';
import { Heading } from '../../components/Heading';
import { ProblemText } from '../../components/ProblemText';
import { truncate } from '../../format/text';
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
  full: {
    flexBasis: '100%',
    marginLeft: tokens.spacingHorizontalXXL,
    whiteSpace: 'pre-wrap',
    overflowWrap: 'anywhere',
    color: tokens.colorNeutralForeground2,
  },
});

const NAME_LENGTH = 80;

export function ObservationsInbox({ onFindingCreated }: { onFindingCreated: () => void }) {
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

  return (
    <section aria-labelledby="inbox-heading">
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
      <PromoteForm
        selected={selected}
        onCreated={() => {
          setSelectedIds([]);
          observations.reload();
          onFindingCreated();
        }}
      />
    </section>
  );
}
