import { useCallback, useRef, useState, type FormEvent } from 'react';
import { Button, Field, Input, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import type { Me, NextReference, PartnershipItem } from '../../../api/types';
import { useResource, type Resource } from '../../../api/useResource';
import { Heading } from '../../../components/Heading';
import { ProblemText } from '../../../components/ProblemText';
import { StatusArea, type Status } from '../../../components/StatusArea';
import { partnershipColumns } from '../../../forms/fields';
import { formProblem, isApiError } from '../formProblem';
import { useFormStyles } from '../formStyles';

export const DEFAULT_SCHEME = '{prefix}-R-{year}-{seq:2}';
const column = partnershipColumns.recommendationScheme;

const useStyles = makeStyles({
  facts: {
    display: 'grid',
    gridTemplateColumns: 'max-content 1fr',
    columnGap: tokens.spacingHorizontalL,
    rowGap: tokens.spacingVerticalXXS,
    margin: `0 0 ${tokens.spacingVerticalS}`,
  },
  term: { fontWeight: tokens.fontWeightSemibold },
  code: { fontFamily: tokens.fontFamilyMonospace, margin: 0 },
});

interface SchemeSettingProps {
  me: Resource<Me>;
  canWrite: boolean;
  /** Bumped when a recommendation is drafted, as that uses up the next reference. */
  version: number;
}

/** How recommendation references are built, what the next one will be, and changing it. */
export function SchemeSetting({ me, canWrite, version }: SchemeSettingProps) {
  const styles = useStyles();
  const form = useFormStyles();
  const api = useApi();
  const load = useCallback(
    () => api.get<NextReference>('/api/recommendations/next-reference'),
    [api],
  );
  const next = useResource(load, version);
  const busy = useRef(false);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const [editing, setEditing] = useState(false);
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<string | undefined>();
  const [status, setStatus] = useState<Status | null>(null);

  const scheme = next.data?.scheme || me.data?.partnership.recommendationScheme || DEFAULT_SCHEME;

  const open = () => {
    setValue(scheme);
    setInvalid(undefined);
    setStatus(null);
    setEditing(true);
  };

  const close = () => {
    setEditing(false);
    toggleRef.current?.focus();
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const partnership = me.data?.partnership;
    if (busy.current) return;
    if (!partnership) {
      setStatus({ kind: 'error', text: 'The partnership settings have not loaded yet.' });
      return;
    }
    busy.current = true;
    setStatus({ kind: 'info', text: 'Saving the reference scheme…' });
    try {
      await api.patch<PartnershipItem>(
        '/api/partnership',
        { recommendationScheme: value.trim() },
        { ifMatch: partnership.etag },
      );
      close();
      setStatus({ kind: 'success', text: 'Reference scheme saved.' });
      me.reload();
      next.reload();
    } catch (error) {
      const problem = formProblem(
        error,
        'The partnership settings were changed elsewhere. They have been reloaded; save again.',
      );
      setInvalid(isApiError(error, 400) ? problem.status?.text : undefined);
      setStatus(problem.status);
      if (problem.conflict) me.reload();
    } finally {
      busy.current = false;
    }
  };

  return (
    <div>
      <Heading level={3} id="scheme-heading">
        Reference scheme
      </Heading>
      {next.problem && <ProblemText problem={next.problem} onRetry={next.reload} />}
      <dl className={styles.facts}>
        <dt className={styles.term}>Current scheme</dt>
        <dd className={styles.code}>{scheme}</dd>
        <dt className={styles.term}>Next reference</dt>
        <dd className={styles.code}>
          {next.data?.reference ?? (next.loading ? 'Loading…' : 'Not known')}
        </dd>
      </dl>
      {canWrite && (
        <Button ref={toggleRef} aria-expanded={editing} onClick={editing ? close : open}>
          Change reference scheme
        </Button>
      )}
      {editing && (
        <form
          className={form.form}
          onSubmit={(e) => void save(e)}
          noValidate
          aria-labelledby="scheme-heading"
        >
          <Field
            label={column.label}
            hint={`Use {prefix}, {year}, {yy}, {seq}, or {seq:N} for a number padded to N digits. Leave it empty for the default, ${DEFAULT_SCHEME}.`}
            validationState={invalid ? 'error' : 'none'}
            validationMessage={invalid}
          >
            <Input
              autoFocus
              value={value}
              maxLength={column.maxLength}
              onChange={(_, d) => {
                setValue(d.value);
                setInvalid(undefined);
              }}
            />
          </Field>
          <div className={form.buttons}>
            <Button type="submit" appearance="primary">
              Save scheme
            </Button>
            <Button type="button" onClick={close}>
              Cancel
            </Button>
          </div>
        </form>
      )}
      <StatusArea status={status} />
    </div>
  );
}
