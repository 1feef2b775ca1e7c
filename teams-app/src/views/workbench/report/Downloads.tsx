import { useState } from 'react';
import { Button, Field, Select } from '@fluentui/react-components';
import { yearLabel } from '../../../../../src/domain/plan-year';
import {
  lineOfEnquiryLabels,
  linesOfEnquiry,
  type LineOfEnquiry,
} from '../../../../../src/domain/observation-vocabulary';
import { useApi } from '../../../api/ApiContext';
import { downloadFile } from '../../../api/download';
import { describeProblem } from '../../../api/errors';
import { isAuthError } from '../../../auth/authProvider';
import { Heading } from '../../../components/Heading';
import { errorStatus, StatusArea, type Status } from '../../../components/StatusArea';
import { useFormStyles } from '../formStyles';
import { useWorkStyles } from '../verification/workStyles';
import { inspectionPackPath, statementPath, trackerExportPath } from './reportApi';

/**
 * The statement (Word) and the exports (Excel), fetched with the signed-in person's token and
 * saved through an object URL: a plain link would reach the API without one.
 */
export function Downloads({ year }: { year: number }) {
  const styles = useWorkStyles();
  const form = useFormStyles();
  const api = useApi();
  const [theme, setTheme] = useState<LineOfEnquiry>(linesOfEnquiry[0]);
  const [status, setStatus] = useState<Status | null>(null);
  const label = yearLabel(year);

  const get = async (path: string, fileName: string, what: string) => {
    setStatus({ kind: 'info', text: `Preparing ${what}…` });
    try {
      await downloadFile(api, path, fileName);
      setStatus({ kind: 'success', text: `Downloaded ${fileName}.` });
    } catch (error) {
      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error)));
    }
  };

  return (
    <div className={styles.body}>
      <Heading level={3}>Downloads</Heading>
      <div className={form.buttons}>
        <Button
          onClick={() =>
            void get(
              statementPath(year),
              `Independent-Scrutineer-statement-${label.replace('/', '-')}.docx`,
              `the ${label} statement`,
            )
          }
        >
          Download statement (Word)
        </Button>
        <Button onClick={() => void get(trackerExportPath, 'tracker.xlsx', 'the tracker')}>
          Download tracker (Excel)
        </Button>
      </div>
      <div className={form.row}>
        <Field label="Inspection pack theme">
          <Select value={theme} onChange={(_, d) => setTheme(d.value as LineOfEnquiry)}>
            {linesOfEnquiry.map((t) => (
              <option key={t} value={t}>
                {lineOfEnquiryLabels[t]}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      <div className={form.buttons}>
        <Button
          onClick={() =>
            void get(
              inspectionPackPath(theme),
              `inspection-pack-${theme}.xlsx`,
              'the inspection pack',
            )
          }
        >
          Download inspection pack (Excel)
        </Button>
      </div>
      <StatusArea status={status} />
    </div>
  );
}
