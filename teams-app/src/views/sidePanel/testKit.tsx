import { screen } from '@testing-library/react';
import { item, partners, type RecordedCall, type Reply, type Route } from '../../test/fetchMock';
import { renderView } from '../../test/renderView';
import type { HostInfo } from '../../host/teamsHost';
import { loadGuard } from '../../guard/loadGuard';
import { MemoryStore } from '../../outbox/memoryStore';
import type { OutboxStore } from '../../outbox/types';
import { SidePanel } from './SidePanel';

// Shared by the side panel's tests: a Teams meeting, its record and an idempotent server.

export const inMeeting: HostInfo = {
  inTeams: true,
  frameContext: 'sidePanel',
  meetingId: 'teams-meeting-19abc',
  teamsTheme: 'default',
  inSharePoint: false,
};

export const meetingRecord = item('meeting-1', {
  title: 'Teams meeting',
  kind: 'other',
  startsAt: '2026-05-14T09:00:00.000Z',
  teamsMeetingId: 'teams-meeting-19abc',
});

/** Stores each idempotency key once; a resend gets the first item back with 200. */
export function observationServer() {
  const stored = new Map<string, Record<string, unknown>>();
  const reply = (call: RecordedCall): Reply => {
    const body = call.body as Record<string, unknown>;
    const key = String(body.idempotencyKey);
    const known = stored.get(key);
    if (known) return { status: 200, body: known };
    const created = item(`observation-${stored.size + 1}`, {
      ...body,
      status: 'open',
      observedAt: body.observedAt ?? '2026-05-14T09:05:00.000Z',
    });
    stored.set(key, created);
    return { status: 201, body: created };
  };
  return { stored, reply };
}

export function panelRoutes(extra: Record<string, Route> = {}): Record<string, Route> {
  return {
    'POST /api/meetings': { status: 201, body: meetingRecord },
    'GET /api/partners': { status: 200, body: { items: partners } },
    'GET /api/observations': { status: 200, body: { items: [] } },
    ...extra,
  };
}

/**
 * Renders the panel in a Teams meeting with its own in-memory outbox, and waits until the
 * meeting is linked so no request is still starting when the test ends.
 */
export async function renderPanel(
  options: { store?: OutboxStore; host?: HostInfo; meetingLine?: string | RegExp | null } = {},
) {
  // The guard chunk loads lazily; loading it first keeps timings out of the assertions.
  await loadGuard();
  const store = options.store ?? new MemoryStore();
  const host = options.host ?? inMeeting;
  const view = renderView(<SidePanel store={store} />, host);
  await screen.findByRole('checkbox', { name: 'Harbourside Police' });
  const line = options.meetingLine === undefined ? 'Meeting: Teams meeting' : options.meetingLine;
  if (host.meetingId && line !== null) await screen.findByText(line);
  return { ...view, store };
}

/** Turns the browser's connection state on or off for a test. */
export function setOnline(online: boolean) {
  Object.defineProperty(window.navigator, 'onLine', { configurable: true, get: () => online });
}
