import { describe, expect, it } from 'vitest';
import { findIdentifiableData } from '../../src/domain/guard/index.js';
import {
  filledActions,
  linkEmail,
  linkExpiry,
  linkState,
  mailAddressOf,
  repeatsRecorded,
  respondUrl,
  usableLink,
} from '../../src/domain/response-links.js';

const now = new Date('2026-05-14T09:30:00.500Z');

describe('a response link’s life', () => {
  it('lasts 14 days, or until a week after the response is due, and at most 90 days', () => {
    expect(linkExpiry(now, '2026-05-20').toISOString()).toBe('2026-05-28T09:30:00.000Z');
    expect(linkExpiry(now, '2026-06-30').toISOString()).toBe('2026-07-07T23:59:59.000Z');
    expect(linkExpiry(now, '2099-03-31').toISOString()).toBe('2026-08-12T09:30:00.000Z');
    expect(linkExpiry(now, 'not a date').toISOString()).toBe('2026-05-28T09:30:00.000Z');
  });

  it('is usable until it expires or is used, and used wins', () => {
    expect(linkState({ expiresAt: '2026-05-15T00:00:00Z' }, now)).toBe('usable');
    expect(linkState({ expiresAt: '2026-05-14T09:30:00.500Z' }, now)).toBe('expired');
    expect(
      linkState({ expiresAt: '2026-05-13T00:00:00Z', usedAt: '2026-05-12T00:00:00Z' }, now),
    ).toBe('used');
    const open = { expiresAt: '2026-06-01T00:00:00Z' };
    const later = { expiresAt: '2026-06-02T00:00:00Z' };
    const gone = { expiresAt: '2026-05-01T00:00:00Z' };
    const used = { expiresAt: '2026-07-01T00:00:00Z', usedAt: '2026-05-10T00:00:00Z' };
    expect(usableLink([gone, open, used, later], (l) => l, now)).toBe(later);
    expect(usableLink([gone, used], (l) => l, now)).toBeUndefined();
  });

  it('puts the token in the link under the public address', () => {
    expect(respondUrl('https://cf.example/', 'a.b.c')).toBe('https://cf.example/respond?t=a.b.c');
  });
});

describe('where the email goes', () => {
  it('is the sign-in name, or a B2B guest’s home address', () => {
    expect(mailAddressOf('aisha.noor@eastshire-police.example')).toBe(
      'aisha.noor@eastshire-police.example',
    );
    expect(
      mailAddressOf('aisha.noor_eastshire-police.example#EXT#@harbourside.onmicrosoft.com'),
    ).toBe('aisha.noor@eastshire-police.example');
    expect(mailAddressOf('first_last_nhs.net#ext#@harbourside.onmicrosoft.com')).toBe(
      'first_last@nhs.net',
    );
    expect(mailAddressOf('no-address')).toBeUndefined();
    expect(mailAddressOf('#EXT#@harbourside.onmicrosoft.com')).toBeUndefined();
  });
});

describe('the email', () => {
  const email = linkEmail({
    recipientName: 'Aisha Noor',
    partnershipName: 'Harbourside Safeguarding Children Partnership',
    partnerName: 'Eastshire Constabulary',
    reference: 'HSCP-R-2026-03',
    title: 'Assure police attendance at strategy discussions',
    responseDueDate: '2026-06-30',
    url: 'https://cf.example/respond?t=eyJhbGciOiJIUzI1NiJ9.eyJsaW5rSWQiOiJ4In0.sig',
    expiresAt: '2026-07-07T23:59:59.000Z',
  });

  it('says in plain words what it is about, where to go, and that you will sign in', () => {
    expect(email.subject).toBe(
      'Recommendation HSCP-R-2026-03: your response is needed by 30 June 2026',
    );
    expect(email.body).toContain('Dear Aisha Noor,');
    expect(email.body).toContain(
      'Recommendation: HSCP-R-2026-03, Assure police attendance at strategy discussions',
    );
    expect(email.body).toContain('Response due: 30 June 2026');
    expect(email.body).toContain('\nhttps://cf.example/respond?t=');
    expect(email.body).toContain('You will be asked to sign in');
    expect(email.body).toContain('until 8 July 2026'); // 23:59:59 UTC is the next day in London
  });

  it('carries nothing the guard would flag', () => {
    expect(findIdentifiableData(email.subject)).toEqual([]);
    expect(findIdentifiableData(email.body.replace(/https:\/\/\S+/, ''))).toEqual([]);
  });
});

describe('a repeated submission through a used link', () => {
  const recorded = {
    decision: 'accept' as const,
    rationale: 'Agreed.',
    actions: [
      {
        slot: 1,
        description: 'Do it.',
        ownerId: 'p1',
        targetDate: '2099-01-01',
        evidenceExpected: 'Log.',
      },
    ],
  };
  const action = {
    description: ' Do it. ',
    ownerId: 'p1',
    targetDate: '2099-01-01',
    evidenceExpected: 'Log.',
  };

  it('is the same act when decision, rationale and each slot match (spaces aside)', () => {
    expect(
      repeatsRecorded(recorded, {
        decision: 'accept',
        rationale: ' Agreed. ',
        actions: [action, {}],
      }),
    ).toBe(true);
    expect(
      repeatsRecorded(recorded, { decision: 'accept', rationale: 'Agreed!', actions: [action] }),
    ).toBe(false);
    expect(
      repeatsRecorded(recorded, { decision: 'decline', rationale: 'Agreed.', actions: [] }),
    ).toBe(false);
    expect(
      repeatsRecorded(recorded, {
        decision: 'accept',
        rationale: 'Agreed.',
        actions: [{}, action],
      }),
    ).toBe(false);
    expect(
      repeatsRecorded(recorded, {
        decision: 'accept',
        rationale: 'Agreed.',
        actions: [action, action],
      }),
    ).toBe(false);
  });

  it('keeps no actions for a decline', () => {
    expect(filledActions('decline', [action])).toEqual([]);
    expect(filledActions('accept', [{}, action])).toEqual([
      {
        slot: 2,
        description: 'Do it.',
        ownerId: 'p1',
        targetDate: '2099-01-01',
        evidenceExpected: 'Log.',
      },
    ]);
  });
});
