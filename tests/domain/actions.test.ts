import { describe, expect, it } from 'vitest';
import { actionUpdateKey, checkActionUpdate, mayUpdateAction } from '../../src/domain/actions.js';
import type { Action, Person, WithId } from '../../src/domain/lists/schema.js';

const action: Action = {
  recommendationId: 'rec',
  responseId: 'resp',
  partnerId: 'police',
  description: 'Report the rota review to the SLG.',
  ownerId: 'tom',
  targetDate: '2027-04-30',
  status: 'open',
};
const person = (id: string, extra: Partial<Person> = {}): WithId<Person> => ({
  id,
  displayName: id,
  upn: `${id}@example`,
  entraObjectId: id,
  homeTenantId: 't',
  roles: [],
  ...extra,
});
const today = '2026-11-22';

describe('who may update an action', () => {
  it('its owner, or the lead of the partner it belongs to; nobody else', () => {
    expect(
      mayUpdateAction(action, person('tom', { roles: ['delegated-safeguarding-partner'] })),
    ).toBe(true);
    expect(
      mayUpdateAction(action, person('aisha', { roles: ['partner-lead'], partnerId: 'police' })),
    ).toBe(true);
    expect(
      mayUpdateAction(action, person('sam', { roles: ['partner-lead'], partnerId: 'council' })),
    ).toBe(false);
    expect(
      mayUpdateAction(
        action,
        person('rachel', { roles: ['lead-safeguarding-partner'], partnerId: 'police' }),
      ),
    ).toBe(false);
    expect(mayUpdateAction(action, undefined)).toBe(false);
    expect(mayUpdateAction({ ...action, ownerId: null }, person('tom'))).toBe(false);
  });
});

describe('checking an update', () => {
  it('takes progress from 0 to 100, a narrative, an optional web link and revised date', () => {
    expect(
      checkActionUpdate(
        action,
        { progress: '0', narrative: ' Started. ', evidenceLink: '', revisedDate: '' },
        today,
      ),
    ).toEqual({ ok: true, value: { progress: 0, narrative: 'Started.' } });
    expect(
      checkActionUpdate(
        action,
        {
          progress: 100,
          narrative: 'Done.',
          evidenceLink: 'https://example.org/x',
          revisedDate: '2026-11-22',
        },
        today,
      ),
    ).toEqual({
      ok: true,
      value: {
        progress: 100,
        narrative: 'Done.',
        evidenceLink: 'https://example.org/x',
        revisedDate: '2026-11-22',
      },
    });
  });

  it('reports every problem at once', () => {
    const r = checkActionUpdate(
      action,
      {
        progress: '101',
        narrative: '',
        evidenceLink: 'javascript:alert(1)',
        revisedDate: '2026-11-21',
      },
      today,
    );
    expect(r.ok ? [] : r.error.message.split('\n')).toEqual([
      'Give progress as a whole number from 0 to 100.',
      'Say what has happened since the last update.',
      'The evidence link must be a web address beginning https:// (or http://).',
      'The revised date is in the past; choose today or later.',
    ]);
    for (const progress of ['-1', '4.5', 'half', ''])
      expect(checkActionUpdate(action, { progress, narrative: 'x' }, today).ok).toBe(false);
  });

  it('refuses updates to a verified action', () => {
    const r = checkActionUpdate(
      { ...action, status: 'verified' },
      { progress: 50, narrative: 'x' },
      today,
    );
    expect(r.ok ? '' : r.error.code).toBe('illegal-transition');
  });

  it('keys each submitted card by action, author and submit', () => {
    expect(actionUpdateKey('a', 'p', 'k')).toBe('a:p:k');
  });
});
