import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/application/deps.js';
import type {
  CardGateway,
  DigestCardView,
  SendOutcome,
} from '../../src/application/ports/cards.js';
import type { Repository } from '../../src/application/ports/repository.js';
import { DeliveryWorker } from '../../src/application/use-cases/delivery-worker.js';
import { digestCardView } from '../../src/application/use-cases/digest-views.js';
import { runReminders } from '../../src/application/use-cases/reminders.js';
import { createHolidayCalendar } from '../../src/adapters/holidays/index.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { DEFAULT_REMINDER_POLICY } from '../../src/domain/reminders.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';
import { reminderSendWindow } from '../../src/server/reminders.js';
import { loadReminderConfig } from '../../src/server/reminder-config.js';

/**
 * The day's reminder run against the demo partnership in real SQLite, with England and Wales bank
 * holidays from the date-holidays rules. The seed has one open action (Sam Carter's, due Friday
 * 13 November 2026; his DSP is David Okafor) and one response due (Eastshire Constabulary's, due
 * Friday 18 December 2026; lead Aisha Noor, her DSP Tom Bradley). The chair is David Okafor to
 * the end of 2026 and Tom Bradley from 2027.
 */
const calendar = createHolidayCalendar('date-holidays');
const policy = DEFAULT_REMINDER_POLICY;

class DigestGateway implements CardGateway {
  digests: { personId: string; view: DigestCardView }[] = [];
  async sendRecommendation(): Promise<SendOutcome> {
    return { kind: 'sent' };
  }
  async sendDigest(recipient: { personId: string }, view: DigestCardView): Promise<SendOutcome> {
    this.digests.push({ personId: recipient.personId, view });
    return { kind: 'sent', activityId: `m${this.digests.length}` };
  }
  async findCard() {
    return { kind: 'unknown' as const };
  }
}

let repo: SqliteRepository;
let gateway: DigestGateway;
let now: Date;
let deps: Deps;
let ids: Map<string, string>;

beforeEach(async () => {
  repo = SqliteRepository.open(':memory:');
  await seedHarbourside(repo);
  gateway = new DigestGateway();
  now = new Date('2026-11-23T09:05:00Z'); // Monday
  deps = { repo, cards: gateway, now: () => now };
  ids = new Map((await repo.all('people')).map((p) => [p.fields.displayName, p.id]));
});
afterEach(() => repo.close());

const id = (name: string) => ids.get(name) ?? `missing ${name}`;
const notices = async () =>
  (await repo.all('reminderNotices')).map((n) => ({
    who: n.fields.personId,
    role: n.fields.role,
    stage: n.fields.stageKey,
    kind: n.fields.subjectKind,
    date: n.fields.date,
  }));
const digestRows = async () =>
  (await repo.all('cardDeliveries')).filter((r) => r.fields.kind === 'digest');

describe('runReminders', () => {
  it('escalates the overdue action to the owner’s DSP on the fifth working day past due', async () => {
    const run = await runReminders(deps, calendar, policy);
    expect(run).toEqual({ date: '2026-11-23', notices: 2, digests: 2 });
    expect(await notices()).toEqual([
      {
        who: id('Sam Carter'),
        role: 'owner',
        stage: 'escalation-dsp',
        kind: 'action',
        date: '2026-11-23',
      },
      {
        who: id('David Okafor'),
        role: 'dsp',
        stage: 'escalation-dsp',
        kind: 'action',
        date: '2026-11-23',
      },
    ]);
    const rows = await digestRows();
    expect(rows.map((r) => [r.fields.personId, r.fields.status, r.fields.deliveryKey])).toEqual([
      [id('Sam Carter'), 'pending', `digest:${id('Sam Carter')}:2026-11-23`],
      [id('David Okafor'), 'pending', `digest:${id('David Okafor')}:2026-11-23`],
    ]);
  });

  it('run again the same day (a restart, a second server): nobody is told twice', async () => {
    await runReminders(deps, calendar, policy);
    now = new Date('2026-11-23T15:00:00Z');
    expect(await runReminders(deps, calendar, policy)).toEqual({
      date: '2026-11-23',
      notices: 0,
      digests: 0,
    });
    expect(await notices()).toHaveLength(2);
    expect(await digestRows()).toHaveLength(2);
  });

  it('a crash after the notices and before the digests is mended by the next run', async () => {
    let failDigests = true;
    const flaky: Repository = Object.create(repo) as Repository;
    const create: Repository['create'] = async (list, fields, ctx) => {
      if (list === 'cardDeliveries' && failDigests) throw new Error('the disk went away');
      return repo.create(list, fields, ctx);
    };
    flaky.create = create;
    await expect(runReminders({ ...deps, repo: flaky }, calendar, policy)).rejects.toThrow();
    expect(await notices()).toHaveLength(1); // the first person's notices were written
    expect(await digestRows()).toHaveLength(0);
    failDigests = false;
    const run = await runReminders(deps, calendar, policy);
    expect(run.digests).toBe(2);
    expect(await notices()).toHaveLength(2);
  });

  it('a notice the store refuses holds back that person’s digest until the next run', async () => {
    let failNotices = true;
    const flaky: Repository = Object.create(repo) as Repository;
    flaky.createMany = async (list, fieldsList, c) => {
      if (list !== 'reminderNotices' || !failNotices) return repo.createMany(list, fieldsList, c);
      return fieldsList.map(() => ({ ok: false, error: new Error('the disk went away') }));
    };
    await expect(runReminders({ ...deps, repo: flaky }, calendar, policy)).rejects.toThrow(
      'the disk went away',
    );
    expect(await notices()).toEqual([]);
    expect(await digestRows()).toEqual([]);
    failNotices = false;
    expect(await runReminders(deps, calendar, policy)).toMatchObject({ notices: 2, digests: 2 });
  });

  it('does nothing at a weekend or on a bank holiday', async () => {
    now = new Date('2026-11-21T09:05:00Z'); // Saturday
    expect((await runReminders(deps, calendar, policy)).skipped).toBe('not a working day');
    now = new Date('2026-12-28T09:05:00Z'); // the Boxing Day substitute
    expect((await runReminders(deps, calendar, policy)).skipped).toBe('not a working day');
    expect(await notices()).toEqual([]);
  });

  it('reminds the police lead five working days before the response is due', async () => {
    now = new Date('2026-12-11T09:05:00Z'); // Friday: 18 December is five working days on
    await runReminders(deps, calendar, policy);
    expect((await notices()).filter((n) => n.kind === 'response')).toEqual([
      {
        who: id('Aisha Noor'),
        role: 'owner',
        stage: 'reminder-5',
        kind: 'response',
        date: '2026-12-11',
      },
    ]);
  });

  it('escalates to whoever holds the chair on the day, and then to every LSP', async () => {
    // Police response due 18 December: +10 working days (Christmas, Boxing Day and New Year's
    // Day not counted) is 6 January 2027, when Tom Bradley chairs; he is also Aisha's DSP.
    now = new Date('2027-01-06T09:05:00Z');
    await runReminders(deps, calendar, policy);
    const response = (await notices()).filter((n) => n.kind === 'response');
    expect(response.map((n) => [n.who, n.role, n.stage])).toEqual([
      [id('Aisha Noor'), 'owner', 'escalation-chair'],
      [id('Tom Bradley'), 'dsp', 'escalation-chair'],
    ]);
    // A new chair from 11 January (the business unit recorded the change) gets the LSP stage.
    await repo.create(
      'chairTerms',
      { personId: id('Fiona Grant'), startsOn: '2027-01-11' },
      { actorId: 't', homeTenantId: '', channel: 'system', at: '' },
    );
    now = new Date('2027-01-13T09:05:00Z');
    await runReminders(deps, calendar, policy);
    const lsp = (await notices()).filter((n) => n.kind === 'response' && n.date === '2027-01-13');
    expect(lsp.map((n) => [n.who, n.role])).toEqual([
      [id('Aisha Noor'), 'owner'],
      [id('Tom Bradley'), 'dsp'],
      [id('Fiona Grant'), 'chair'],
      [id('Helen Rowe'), 'lsp'],
      [id('Rachel Finch'), 'lsp'],
      [id('Gareth Lloyd'), 'lsp'],
    ]);
  });

  it('a revised target date restarts the reminders; a done action gets none', async () => {
    const [action] = await repo.all('actions');
    if (!action) throw new Error('the seed has an action');
    await repo.create(
      'actionUpdates',
      {
        actionId: action.id,
        progress: 40,
        narrative: 'Panel session moved to December.',
        revisedDate: '2026-11-30',
        authorId: id('Sam Carter'),
        at: '2026-11-20T10:00:00Z',
        updateKey: 'u1',
      },
      { actorId: id('Sam Carter'), homeTenantId: '', channel: 'teams-card', at: '' },
    );
    await runReminders(deps, calendar, policy); // Monday 23rd: 30th is five working days on
    expect((await notices()).map((n) => [n.who, n.stage])).toEqual([
      [id('Sam Carter'), 'reminder-5'],
    ]);
    const fresh = await repo.get('actions', action.id);
    await repo.update('actions', action.id, { status: 'done' }, fresh?.etag ?? '', {
      actorId: id('Sam Carter'),
      homeTenantId: '',
      channel: 'teams-card',
      at: '',
    });
    now = new Date('2026-11-27T09:05:00Z');
    await runReminders(deps, calendar, policy);
    expect(await notices()).toHaveLength(1);
  });

  it('what is new after a person’s digest has gone waits for the next day’s digest', async () => {
    await runReminders(deps, calendar, policy);
    const sam = (await digestRows()).find((r) => r.fields.personId === id('Sam Carter'));
    if (!sam) throw new Error('no digest for Sam');
    await repo.update('cardDeliveries', sam.id, { status: 'sent' }, sam.etag, {
      actorId: 'system:card-delivery',
      homeTenantId: '',
      channel: 'system',
      at: '',
    });
    // Later the same day the council is named on a new recommendation due in five working days.
    await repo.create(
      'recommendations',
      {
        reference: 'HSCP-R-2026-09',
        title: 'A further recommendation',
        text: 'Text.',
        priority: 'low',
        partnerIds: [(await repo.all('partners'))[0]?.id ?? ''],
        responseDueDate: '2026-11-30',
        status: 'issued',
        issuedAt: '2026-11-23T10:00:00Z',
      },
      { actorId: 't', homeTenantId: '', channel: 'system', at: '' },
    );
    now = new Date('2026-11-23T14:00:00Z');
    await runReminders(deps, calendar, policy);
    expect((await notices()).filter((n) => n.who === id('Sam Carter'))).toHaveLength(1);
    now = new Date('2026-11-24T09:05:00Z');
    await runReminders(deps, calendar, policy);
    const samNow = (await notices()).filter((n) => n.who === id('Sam Carter'));
    expect(samNow.map((n) => [n.kind, n.date])).toEqual([
      ['action', '2026-11-23'],
      ['response', '2026-11-24'],
    ]);
  });
});

describe('digests through the delivery worker', () => {
  const config = loadReminderConfig({}, (m) => new Error(m));
  /** A worker whose clock starts at `start` and moves on by each sleep (the rate limits wait). */
  const worker = (start: () => number) => {
    let t = start();
    return new DeliveryWorker(deps, {
      id: 'test',
      clock: {
        now: () => t,
        sleep: async (ms) => {
          t += ms;
        },
      },
      ratePerSecond: 50,
      sendWindow: reminderSendWindow(calendar, config),
    });
  };

  it('sends each person one digest card with their items, in working hours', async () => {
    await runReminders(deps, calendar, policy);
    await worker(() => now.getTime()).pass();
    expect(gateway.digests.map((d) => d.personId).sort()).toEqual(
      [id('Sam Carter'), id('David Okafor')].sort(),
    );
    const david = gateway.digests.find((d) => d.personId === id('David Okafor'))?.view;
    expect(david?.items).toEqual([
      expect.objectContaining({
        kind: 'action',
        reference: 'HSCP-R-2026-01',
        ownerName: 'Sam Carter',
        partnerName: 'Harbourside Council',
        dueDate: '2026-11-13',
        stage: 'escalation-dsp',
        role: 'dsp',
        workingDaysToDue: -6,
        escalatedTo: ['David Okafor'],
      }),
    ]);
    expect((await digestRows()).every((r) => r.fields.status === 'sent')).toBe(true);
    // A second pass sends nothing more.
    await worker(() => now.getTime()).pass();
    expect(gateway.digests).toHaveLength(2);
  });

  it('holds digests made out of hours until 08:00 on the next working day', async () => {
    await runReminders(deps, calendar, policy);
    const evening = Date.parse('2026-11-27T19:00:00Z'); // Friday evening
    await worker(() => evening).pass();
    expect(gateway.digests).toEqual([]);
    const rows = await digestRows();
    expect(rows.map((r) => [r.fields.status, r.fields.nextAttemptAt])).toEqual([
      ['pending', '2026-11-30T08:00:00.000Z'],
      ['pending', '2026-11-30T08:00:00.000Z'],
    ]);
    await worker(() => Date.parse('2026-11-30T08:00:00Z')).pass();
    expect(gateway.digests).toHaveLength(2);
  });

  it('a digest shows only to its recipient, and ticks off what was dealt with', async () => {
    await runReminders(deps, calendar, policy);
    const key = `digest:${id('Sam Carter')}:2026-11-23`;
    const person = async (name: string) => {
      const p = await repo.get('people', id(name));
      if (!p) throw new Error(name);
      return { ...p.fields, id: p.id };
    };
    expect(await digestCardView(deps, key, await person('Aisha Noor'))).toBeUndefined();
    const before = await digestCardView(deps, key, await person('Sam Carter'));
    expect(before?.items.map((i) => i.settled ?? false)).toEqual([false]);
    const [action] = await repo.all('actions');
    await repo.update('actions', action?.id ?? '', { status: 'done' }, action?.etag ?? '', {
      actorId: 't',
      homeTenantId: '',
      channel: 'system',
      at: '',
    });
    const after = await digestCardView(deps, key, await person('Sam Carter'));
    expect(after?.items.map((i) => i.settled ?? false)).toEqual([true]);
  });
});
