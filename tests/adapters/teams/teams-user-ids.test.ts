import { describe, expect, it } from 'vitest';
import type { Repository } from '../../../src/application/ports/repository.js';
import { teamsUserIds } from '../../../src/adapters/teams/teams-user-ids.js';

/** A store holding only the conversations list, keyed by Entra object id. */
const repoWith = (references: Record<string, unknown>) =>
  ({
    all: async (_list: string, filter?: { equals: string }) => {
      const ref = filter ? references[filter.equals] : undefined;
      return ref === undefined
        ? []
        : [{ fields: { reference: typeof ref === 'string' ? ref : JSON.stringify(ref) } }];
    },
  }) as unknown as Repository;

describe('the Teams ids for a card’s refresh.userIds', () => {
  it('are the users’ Teams ids (MRIs) from their stored 1:1 conversations, not object ids', async () => {
    const repo = repoWith({
      'oid-aisha': { user: { id: '29:aisha', aadObjectId: 'oid-aisha' } },
      'oid-ravi': { user: { id: '29:ravi' } },
    });
    expect(await teamsUserIds(repo, ['oid-aisha', 'oid-ravi'])).toEqual(['29:aisha', '29:ravi']);
  });

  it('use the Teams id on the activity in hand for the person acting', async () => {
    const repo = repoWith({});
    expect(await teamsUserIds(repo, ['oid-aisha'], new Map([['oid-aisha', '29:aisha']]))).toEqual([
      '29:aisha',
    ]);
  });

  it('are left out when any is unknown, or there are none, or more than Teams takes (60)', async () => {
    const repo = repoWith({ 'oid-aisha': { user: { id: '29:aisha' } }, 'oid-bad': 'not json' });
    expect(await teamsUserIds(repo, ['oid-aisha', 'oid-ravi'])).toBeUndefined();
    expect(await teamsUserIds(repo, ['oid-bad'])).toBeUndefined();
    expect(await teamsUserIds(repo, [])).toBeUndefined();
    const many = Array.from({ length: 61 }, (_, i) => `oid-${i}`);
    const known = new Map(many.map((o) => [o, `29:${o}`]));
    expect(await teamsUserIds(repo, many, known)).toBeUndefined();
    expect(await teamsUserIds(repo, many.slice(0, 60), known)).toHaveLength(60);
  });
});
