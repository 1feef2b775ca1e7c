import { useState } from 'react';
import { Button } from '@fluentui/react-components';
import type { Status } from '../../components/StatusArea';

/** Puts the read-only "What I heard" view on the meeting stage for everyone. */
export function ShareToStageButton({ onStatus }: { onStatus: (status: Status | null) => void }) {
  const [busy, setBusy] = useState(false);
  const share = async () => {
    setBusy(true);
    onStatus({ kind: 'info', text: 'Sharing to the stage…' });
    // Loaded on click: the stage API is not needed to file observations.
    const outcome = await import('../../meetings/shareToStage').then(
      (m) => m.shareToStage(`${window.location.origin}/stage`),
      () => ({
        ok: false as const,
        reason: 'The sharing code could not load. Check the connection.',
      }),
    );
    setBusy(false);
    onStatus(
      outcome.ok
        ? { kind: 'success', text: 'Shared to the meeting stage.' }
        : { kind: 'error', text: `Not shared. ${outcome.reason}` },
    );
  };
  return (
    <div>
      <Button disabledFocusable={busy} onClick={() => void share()}>
        Share to stage
      </Button>
    </div>
  );
}
