import { useCallback, useId, useRef, useState } from 'react';
import { Button, Checkbox, Field, makeStyles, tokens } from '@fluentui/react-components';
import { useApi } from '../../../api/ApiContext';
import { describeProblem } from '../../../api/errors';
import { isAuthError } from '../../../auth/authProvider';
import { downloadFile } from '../../../api/download';
import { useResource } from '../../../api/useResource';
import { ProblemText } from '../../../components/ProblemText';
import { errorStatus, StatusArea, type Status } from '../../../components/StatusArea';
import { formatDateTime } from '../../../format/dates';
import { formProblem, isApiError } from '../formProblem';
import { evidenceContentPath, listEvidence, uploadEvidence, type EvidenceFile } from './actionsApi';
import { useWorkStyles } from './workStyles';

const useStyles = makeStyles({
  group: {
    display: 'grid',
    gap: tokens.spacingVerticalS,
    margin: 0,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  legend: { fontWeight: tokens.fontWeightSemibold },
  files: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** "12 KB", "3.4 MB". */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

const screeningText = (file: EvidenceFile) =>
  file.screening === 'attested' ? 'confirmed by the uploader' : 'text checked';

/**
 * The action's evidence files, and an upload. A file whose text the server cannot read needs the
 * uploader to confirm it names no child or family (422 attestation-required); it is then sent
 * again with that confirmation, which the server records.
 */
export function EvidencePanel({ actionId }: { actionId: string }) {
  const styles = useStyles();
  const work = useWorkStyles();
  const api = useApi();
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const load = useCallback(() => listEvidence(api, actionId), [api, actionId]);
  const files = useResource(load);
  const [file, setFile] = useState<File | null>(null);
  // The server's reason an attestation is needed, while one is.
  const [attestation, setAttestation] = useState<string | null>(null);
  const [attested, setAttested] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status | null>(null);

  const upload = async (withAttestation: boolean) => {
    if (busy) return;
    if (!file) {
      setStatus({ kind: 'error', text: 'Choose a file to upload first.' });
      return;
    }
    if (withAttestation && !attested) {
      setStatus({
        kind: 'error',
        text: 'Tick the box to confirm you have checked the file before uploading it.',
      });
      return;
    }
    setBusy(true);
    setStatus({ kind: 'info', text: `Uploading ${file.name}…` });
    try {
      const stored = await uploadEvidence(api, actionId, file, withAttestation);
      setStatus({ kind: 'success', text: `${stored.name} is attached to the action.` });
      setFile(null);
      setAttestation(null);
      setAttested(false);
      if (input.current) input.current.value = '';
      files.reload();
    } catch (error) {
      if (isApiError(error, 422, 'attestation-required')) {
        setAttestation(error.message);
        setStatus(null);
      } else if (isApiError(error, 413)) {
        setStatus({
          kind: 'error',
          text: error.code === 'too-large' ? error.message : 'The file is too large to upload.',
        });
      } else {
        setStatus(formProblem(error, undefined, 'Nothing was stored.').status);
      }
    } finally {
      setBusy(false);
    }
  };

  const list = files.data ?? [];
  return (
    <fieldset className={styles.group}>
      <legend className={styles.legend}>Evidence files</legend>
      {files.problem && <ProblemText problem={files.problem} onRetry={files.reload} />}
      {files.data && list.length === 0 && <p className={work.line}>No files attached yet.</p>}
      {list.length > 0 && (
        <ul className={styles.files} aria-label="Files attached to the action">
          {list.map((f) => (
            <li key={f.id}>
              {f.name} ({formatSize(f.size)}, {screeningText(f)}, {formatDateTime(f.uploadedAt)}){' '}
              <Button
                size="small"
                appearance="subtle"
                onClick={() =>
                  void downloadFile(api, evidenceContentPath(f.id), f.name).catch(
                    (error: unknown) =>
                      setStatus(isAuthError(error) ? null : errorStatus(describeProblem(error))),
                  )
                }
              >
                Download<span className={work.visuallyHidden}> {f.name}</span>
              </Button>
            </li>
          ))}
        </ul>
      )}
      <Field
        label="Evidence file"
        hint="Up to the server's size limit. Name no child or family in the file or its name."
      >
        {(fieldProps) => (
          <input
            {...fieldProps}
            id={fieldProps.id ?? inputId}
            ref={input}
            type="file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setAttestation(null);
              setAttested(false);
              setStatus(null);
            }}
          />
        )}
      </Field>
      {attestation === null ? (
        <div className={work.buttons}>
          <Button type="button" disabledFocusable={busy} onClick={() => void upload(false)}>
            Upload file
          </Button>
        </div>
      ) : (
        <div role="group" aria-label="Confirm the file names no one" className={work.body}>
          <p className={work.line}>{attestation}</p>
          <Checkbox
            checked={attested}
            onChange={(_, d) => setAttested(d.checked === true)}
            label="I have checked this file: it holds nothing that identifies a child or family."
          />
          <div className={work.buttons}>
            <Button type="button" disabledFocusable={busy} onClick={() => void upload(true)}>
              Upload with my confirmation
            </Button>
            <Button
              type="button"
              onClick={() => {
                setAttestation(null);
                setAttested(false);
              }}
            >
              Do not upload
            </Button>
          </div>
        </div>
      )}
      <StatusArea status={status} />
    </fieldset>
  );
}
