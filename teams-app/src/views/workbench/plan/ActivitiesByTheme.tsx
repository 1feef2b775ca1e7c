import { useEffect, useId, useRef, useState } from 'react';
import { Button, makeStyles, mergeClasses, tokens } from '@fluentui/react-components';
import type { PlanActivityItem, PlanSummaryActivity } from '../../../api/types';
import { Heading } from '../../../components/Heading';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { activityStatusLabels, planActivityColumns as columns } from '../../../forms/fields';
import { SubHeading } from '../SubHeading';
import { useTableStyles } from '../tableStyles';
import { ActivityEditForm } from './ActivityEditForm';
import { activityDraftOf, rebaseEdit, reopenEdit, type ActivityEdit } from './planEdits';
import { formatDays, formatNumber } from './planFormat';

const useStyles = makeStyles({
  themes: { display: 'grid', gap: tokens.spacingVerticalL },
  // The title is in the row header beside; screen readers hear it in the button's name too.
  visuallyHidden: {
    position: 'absolute',
    width: '1px',
    height: '1px',
    overflow: 'hidden',
    clipPath: 'inset(50%)',
    whiteSpace: 'nowrap',
  },
});

/** Activities in the order first seen, grouped by theme. */
export function groupByTheme(activities: readonly PlanSummaryActivity[]) {
  const groups = new Map<string, PlanSummaryActivity[]>();
  for (const activity of activities) {
    groups.set(activity.theme, [...(groups.get(activity.theme) ?? []), activity]);
  }
  return [...groups].map(([theme, items]) => ({ theme, items }));
}

/** Overrun in words, never by colour alone. */
export function balanceText(activity: PlanSummaryActivity): string {
  const over = activity.daysLogged - activity.daysAllocated;
  if (over > 0) return `Overrun by ${formatDays(over)}`;
  if (activity.overrun) return 'Overrun';
  if (over === 0) return 'All days used';
  return `${formatDays(activity.daysAllocated - activity.daysLogged)} left`;
}

const sum = (items: readonly PlanSummaryActivity[], key: 'daysAllocated' | 'daysLogged') =>
  items.reduce((total, a) => total + a[key], 0);

type OpenEdit = ActivityEdit & { open: boolean };

/** Nothing is focused any more, e.g. the focused button left the page when its row moved. */
const focusLost = () =>
  !document.activeElement ||
  document.activeElement === document.body ||
  !document.activeElement.isConnected;

const NO_ITEMS: readonly PlanActivityItem[] = [];

interface ActivitiesByThemeProps {
  activities: readonly PlanSummaryActivity[];
  /** The stored activities, with the etags an edit needs. */
  items?: readonly PlanActivityItem[];
  /** Offer an edit form per activity (the scrutineer, in the year containing today). */
  canEdit?: boolean;
  /** An activity was saved, or a save found it changed elsewhere: reload the plan. */
  onChanged?: () => void;
}

export function ActivitiesByTheme({
  activities,
  items = NO_ITEMS,
  canEdit = false,
  onChanged,
}: ActivitiesByThemeProps) {
  const styles = useStyles();
  const table = useTableStyles();
  const num = mergeClasses(table.td, table.number);
  const head = mergeClasses(table.th, table.number);
  const themeListId = useId();
  const formPrefix = useId();
  const groups = groupByTheme(activities);
  const themes = groups.map((g) => g.theme);
  // Open edits by activity id; kept here so a row moving to another theme keeps what was typed.
  const [edits, setEdits] = useState<Record<string, OpenEdit>>({});
  const [status, setStatus] = useState<Status | null>(null);
  const buttons = useRef(new Map<string, HTMLElement>());
  const refocus = useRef<string | null>(null);

  // A save found the activity changed elsewhere: once the latest version loads, build on it.
  useEffect(() => {
    setEdits((all) => {
      let changed = false;
      const next: Record<string, OpenEdit> = {};
      for (const [id, edit] of Object.entries(all)) {
        const item = items.find((i) => i.id === id);
        next[id] = item
          ? { ...rebaseEdit(edit, item.etag, activityDraftOf(item)), open: edit.open }
          : edit;
        changed ||= next[id].etag !== edit.etag;
      }
      return changed ? next : all;
    });
  }, [items]);

  // After a save the row may move to another theme's table; keep focus on its Edit button.
  useEffect(() => {
    const id = refocus.current;
    if (!id) return;
    refocus.current = null;
    if (focusLost()) buttons.current.get(id)?.focus();
  }, [activities]);

  const update = (id: string) => (change: (edit: ActivityEdit) => ActivityEdit) =>
    setEdits((all) => {
      const edit = all[id];
      return edit ? { ...all, [id]: { ...change(edit), open: edit.open } } : all;
    });

  const toggle = (activity: PlanSummaryActivity, item: PlanActivityItem) => {
    setStatus(null);
    setEdits((all) => {
      const edit = all[activity.id];
      // Closing keeps what was typed for when the form is opened again; Cancel discards it.
      if (edit?.open) return { ...all, [activity.id]: { ...edit, open: false } };
      return {
        ...all,
        [activity.id]: { ...reopenEdit(edit, item.etag, activityDraftOf(item)), open: true },
      };
    });
  };

  const close = (id: string) => {
    setEdits(({ [id]: _closed, ...rest }) => rest);
    buttons.current.get(id)?.focus();
  };

  const saved = (activity: PlanActivityItem) => {
    close(activity.id);
    refocus.current = activity.id;
    setStatus({ kind: 'success', text: `Activity saved: ${activity.title}.` });
    onChanged?.();
  };

  const columnCount = canEdit ? 6 : 5;
  return (
    <div>
      <Heading level={3} id="plan-activities-heading">
        Activities by theme
      </Heading>
      {groups.length === 0 && (
        <p>{canEdit ? 'No activities yet. Add one below.' : 'No activities.'}</p>
      )}
      <div className={styles.themes}>
        {groups.map(({ theme, items: rows }) => (
          <div key={theme}>
            <SubHeading>{theme}</SubHeading>
            <div className={table.wrap}>
              <table className={table.table}>
                <caption className={table.caption}>{`${theme}: days allocated and logged`}</caption>
                <thead>
                  <tr>
                    <th scope="col" className={table.th}>
                      {columns.title.label}
                    </th>
                    <th scope="col" className={table.th}>
                      {columns.status.label}
                    </th>
                    <th scope="col" className={head}>
                      {columns.daysAllocated.label}
                    </th>
                    <th scope="col" className={head}>
                      Days logged
                    </th>
                    <th scope="col" className={table.th}>
                      Balance
                    </th>
                    {canEdit && (
                      <th scope="col" className={table.th}>
                        Change
                      </th>
                    )}
                  </tr>
                </thead>
                <tbody>
                  {rows.flatMap((a) => {
                    const balance = balanceText(a);
                    const item = items.find((i) => i.id === a.id);
                    const edit = edits[a.id];
                    const open = edit?.open === true;
                    const formId = `${formPrefix}-${a.id}`;
                    const row = (
                      <tr key={a.id}>
                        <th scope="row" className={table.rowHeader}>
                          {a.title}
                        </th>
                        <td className={table.td}>{activityStatusLabels[a.status] ?? a.status}</td>
                        <td className={num}>{formatNumber(a.daysAllocated)}</td>
                        <td className={num}>{formatNumber(a.daysLogged)}</td>
                        <td
                          className={mergeClasses(
                            table.td,
                            balance.startsWith('Overrun') && table.flag,
                          )}
                        >
                          {balance}
                        </td>
                        {canEdit && (
                          <td className={table.td}>
                            {item && (
                              <Button
                                ref={(el) => {
                                  if (el) buttons.current.set(a.id, el);
                                }}
                                aria-expanded={open}
                                aria-controls={open ? formId : undefined}
                                onClick={() => toggle(a, item)}
                              >
                                Edit<span className={styles.visuallyHidden}> {a.title}</span>
                              </Button>
                            )}
                          </td>
                        )}
                      </tr>
                    );
                    if (!canEdit || !edit || !open) return [row];
                    return [
                      row,
                      <tr key={`${a.id}-edit`}>
                        <td colSpan={columnCount} className={table.td}>
                          <ActivityEditForm
                            id={a.id}
                            formId={formId}
                            title={a.title}
                            edit={edit}
                            update={update(a.id)}
                            themeListId={themeListId}
                            onSaved={saved}
                            onConflict={() => onChanged?.()}
                            onCancel={() => close(a.id)}
                          />
                        </td>
                      </tr>,
                    ];
                  })}
                </tbody>
                {rows.length > 1 && (
                  <tfoot>
                    <tr className={table.total}>
                      <th scope="row" className={table.rowHeader}>
                        Theme total
                      </th>
                      <td className={table.td} />
                      <td className={num}>{formatNumber(sum(rows, 'daysAllocated'))}</td>
                      <td className={num}>{formatNumber(sum(rows, 'daysLogged'))}</td>
                      <td className={table.td} />
                      {canEdit && <td className={table.td} />}
                    </tr>
                  </tfoot>
                )}
              </table>
            </div>
          </div>
        ))}
      </div>
      {canEdit && (
        <>
          <datalist id={themeListId}>
            {themes.map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
          <StatusArea status={status} />
        </>
      )}
    </div>
  );
}
