import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import axe from 'axe-core';
import { item, mockFetch } from '../../test/fetchMock';
import { MemoryStore } from '../../outbox/memoryStore';
import type { OutboxEntry } from '../../outbox/types';
import { panelRoutes, renderPanel, setOnline } from './testKit';

vi.mock('@microsoft/teams-js', () => import('../../test/teamsJsMock'));

afterEach(() => setOnline(true));

const entry = (key: string, text: string, state: OutboxEntry['state']): OutboxEntry => ({
  key,
  seq: key === 'k-pending' ? 1 : 2,
  scope: 'teams:teams-meeting-19abc',
  createdAt: '2026-05-14T09:03:00.000Z',
  observedAt: '2026-05-14T09:03:00.000Z',
  fields: { text, evidenceClass: 'worry', partnerIds: [], source: 'meeting' },
  meetingId: 'meeting-1',
  state,
  attempts: 1,
  reason: state === 'failed' ? 'Not accepted: There is no partner with id x.' : undefined,
});

describe('side panel accessibility', () => {
  it('has no axe violations with pending, failed, a warning and an editor open', async () => {
    const saved = item('observation-7', {
      text: 'Partners agreed the audit plan.',
      evidenceClass: 'gone-well',
      partnerIds: ['partner-police'],
      source: 'meeting',
      meetingId: 'meeting-1',
      observedAt: '2026-05-14T09:05:00.000Z',
      status: 'open',
    });
    mockFetch(
      panelRoutes({
        'GET /api/observations': { status: 200, body: { items: [saved] } },
        'POST /api/observations': () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    const store = new MemoryStore();
    await store.putEntry(entry('k-pending', 'Waiting for the network.', 'pending'));
    await store.putEntry(entry('k-failed', 'Refused by the server.', 'failed'));
    setOnline(false);
    const { container } = await renderPanel({ store });

    await screen.findByRole('region', { name: 'Pending (1)' });
    const failed = screen.getByRole('region', { name: 'Failed (1)' });
    fireEvent.click(within(failed).getByRole('button', { name: /^Discard: Refused/ }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Observation' }), {
      target: { value: 'Call 01632 960001 for the duty desk.' },
    });
    await screen.findByText(/This may identify a child or family/);
    const recent = screen.getByRole('region', { name: 'Recent' });
    fireEvent.click(within(recent).getByRole('button', { name: /^Edit: Partners agreed/ }));
    await within(recent).findByRole('textbox', { name: 'Edit observation' });

    const levels = [...container.querySelectorAll('h1, h2, h3')].map((h) => Number(h.tagName[1]));
    expect(levels[0]).toBe(1);
    levels.forEach((level, i) => expect(level - (levels[i - 1] ?? 0)).toBeLessThanOrEqual(1));

    // Colour contrast needs a real layout engine; the Chromium e2e covers it.
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(
      result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.html).join(' | ')}`),
    ).toEqual([]);
  });
});
