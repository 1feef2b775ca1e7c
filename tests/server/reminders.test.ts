import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Deps } from '../../src/application/deps.js';
import { createHolidayCalendar } from '../../src/adapters/holidays/index.js';
import { SqliteRepository } from '../../src/adapters/sqlite/sqlite-repository.js';
import { seedHarbourside } from '../../src/server/seed/harbourside.js';
import { loadReminderConfig } from '../../src/server/reminder-config.js';
import { startReminderScheduler, type ReminderScheduler } from '../../src/server/reminders.js';

const fail = (m: string) => new Error(m);
const calendar = createHolidayCalendar('date-holidays');

describe('loadReminderConfig', () => {
  it('defaults: on, 09:00, 08:00-18:00, remind 5 and 1 before, escalate at 5, 10, 15', () => {
    expect(loadReminderConfig({}, fail)).toEqual({
      enabled: true,
      runAt: 540,
      sendHours: { from: 480, until: 1080 },
      policy: {
        remindBefore: [5, 1],
        overdueAfter: 1,
        escalateAfter: { dsp: 5, chair: 10, lsp: 15 },
      },
    });
  });

  it('reads every setting', () => {
    const c = loadReminderConfig(
      {
        REMINDERS: 'off',
        REMINDER_TIME: '07:45',
        SEND_HOURS: '07:30-17:30',
        REMIND_BEFORE: '10, 3, 0',
        ESCALATE_AFTER: 'dsp=3,lsp=20',
      },
      fail,
    );
    expect(c.enabled).toBe(false);
    expect(c.runAt).toBe(465);
    expect(c.sendHours).toEqual({ from: 450, until: 1050 });
    expect(c.policy).toEqual({
      remindBefore: [10, 3, 0],
      overdueAfter: 1,
      escalateAfter: { dsp: 3, chair: 10, lsp: 20 },
    });
  });

  it.each([
    [{ REMINDERS: 'yes' }, /REMINDERS must be "on" or "off"/],
    [{ REMINDER_TIME: '9am' }, /REMINDER_TIME must be a time such as 09:00/],
    [{ SEND_HOURS: '18:00-08:00' }, /SEND_HOURS must be a span such as 08:00-18:00/],
    [{ REMIND_BEFORE: '5,x' }, /whole numbers/],
    [{ ESCALATE_AFTER: 'boss=3' }, /ESCALATE_AFTER must look like/],
    [{ ESCALATE_AFTER: 'dsp=12' }, /in order/],
  ])('refuses %j with a message that says what to write', (env, message) => {
    expect(() => loadReminderConfig(env, fail)).toThrow(message);
  });
});

describe('startReminderScheduler', () => {
  let repo: SqliteRepository;
  let now: Date;
  let deps: Deps;
  let scheduler: ReminderScheduler | undefined;
  beforeEach(async () => {
    repo = SqliteRepository.open(':memory:');
    await seedHarbourside(repo);
    deps = {
      repo,
      now: () => now,
      cards: {
        sendRecommendation: async () => ({ kind: 'sent' }),
        sendDigest: async () => ({ kind: 'sent' }),
        findCard: async () => ({ kind: 'unknown' }),
      },
    };
  });
  afterEach(async () => {
    await scheduler?.stop();
    repo.close();
  });

  it('runs once a working day, from REMINDER_TIME in England, and nudges the worker', async () => {
    now = new Date('2026-11-23T08:59:00Z'); // Monday, 08:59 GMT
    let nudged = 0;
    scheduler = startReminderScheduler(deps, calendar, loadReminderConfig({}, fail), {
      onQueued: () => nudged++,
      checkEveryMs: 3_600_000,
    });
    expect(await scheduler.tick()).toBeUndefined(); // before 09:00
    now = new Date('2026-11-23T09:00:00Z');
    expect(await scheduler.tick()).toEqual({ date: '2026-11-23', notices: 2, digests: 2 });
    expect(nudged).toBe(1);
    now = new Date('2026-11-23T15:00:00Z');
    expect(await scheduler.tick()).toBeUndefined(); // done for today
    now = new Date('2026-11-24T09:30:00Z');
    expect(await scheduler.tick()).toEqual({ date: '2026-11-24', notices: 0, digests: 0 });
    expect(nudged).toBe(1);
  });

  it('does nothing when REMINDERS=off', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    scheduler = startReminderScheduler(
      deps,
      calendar,
      loadReminderConfig({ REMINDERS: 'off' }, fail),
      { checkEveryMs: 3_600_000 },
    );
    expect(await scheduler.tick()).toBeUndefined();
    expect(await repo.all('reminderNotices')).toEqual([]);
  });
});
