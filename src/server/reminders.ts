import type { Deps } from '../application/deps.js';
import type { HolidayCalendar } from '../application/ports/holidays.js';
import { runReminders, type ReminderRun } from '../application/use-cases/reminders.js';
import { addCalendarDays } from '../domain/calendar/working-days.js';
import { londonClock, sendWindowAt } from '../domain/send-window.js';
import type { ReminderConfig } from './reminder-config.js';

export interface ReminderScheduler {
  /** Stops the timer and waits for a run in progress. */
  stop(): Promise<void>;
  /** The run as the timer would do it now (tests, and the first tick). */
  tick(): Promise<ReminderRun | undefined>;
}

/**
 * Runs the day's reminders once each working day, at REMINDER_TIME (England), or at start-up when
 * the server comes up after that time. The run is idempotent, so a restart, or two servers, tell
 * nobody twice; the delivery worker then sends the digests within SEND_HOURS.
 */
export function startReminderScheduler(
  deps: Deps,
  calendar: HolidayCalendar,
  config: ReminderConfig,
  options: {
    /** Told after a run that queued digests, so the worker looks at once. */
    onQueued?: () => void;
    onError?: (error: unknown) => void;
    checkEveryMs?: number;
  } = {},
): ReminderScheduler {
  let lastRun: string | undefined;
  let running: Promise<ReminderRun | undefined> | undefined;
  const tick = async () => {
    const { date, minutes } = londonClock(deps.now().getTime());
    if (!config.enabled || lastRun === date || minutes < config.runAt) return undefined;
    const run = await runReminders(deps, calendar, config.policy);
    lastRun = date;
    if (run.digests > 0) options.onQueued?.();
    return run;
  };
  const guarded = () => {
    running ??= tick()
      .catch((e: unknown) => {
        options.onError?.(e);
        return undefined;
      })
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void guarded(), options.checkEveryMs ?? 5 * 60_000);
  timer.unref();
  void guarded();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
    tick: guarded,
  };
}

/** The worker's check before a reminder digest goes: working hours on a working day. */
export function reminderSendWindow(calendar: HolidayCalendar, config: ReminderConfig) {
  return async (now: number) => {
    const { date } = londonClock(now);
    const holidays = await calendar.holidaysBetween(date, addCalendarDays(date, 30));
    return sendWindowAt(now, holidays, config.sendHours);
  };
}
