import {
  DEFAULT_REMINDER_POLICY,
  policyProblem,
  type ReminderPolicy,
} from '../domain/reminders.js';
import { DEFAULT_SEND_HOURS, parseSendHours, type SendHours } from '../domain/send-window.js';

/** Reminders and escalation: when they run, when they may be sent, at which offsets. */
export interface ReminderConfig {
  /** REMINDERS: `on` (default) or `off`. */
  enabled: boolean;
  /** REMINDER_TIME (`HH:MM`, England): the day's run, default 09:00. Minutes after midnight. */
  runAt: number;
  /** SEND_HOURS (`HH:MM-HH:MM`, England): when reminder cards may go, default 08:00-18:00. */
  sendHours: SendHours;
  /** REMIND_BEFORE (`5,1`) and ESCALATE_AFTER (`overdue=1,dsp=5,chair=10,lsp=15`), working days. */
  policy: ReminderPolicy;
}

/** Throws a message naming the variable and what it should look like. */
export function loadReminderConfig(
  env: NodeJS.ProcessEnv,
  fail: (message: string) => Error,
): ReminderConfig {
  const enabled = (env.REMINDERS ?? 'on').toLowerCase();
  if (enabled !== 'on' && enabled !== 'off') throw fail('REMINDERS must be "on" or "off".');
  const time = env.REMINDER_TIME ?? '09:00';
  const at = parseSendHours(`${time}-24:00`);
  if (!at) throw fail(`REMINDER_TIME must be a time such as 09:00, not "${time}".`);
  const hoursText = env.SEND_HOURS;
  const sendHours = hoursText ? parseSendHours(hoursText) : DEFAULT_SEND_HOURS;
  if (!sendHours) {
    throw fail(`SEND_HOURS must be a span such as 08:00-18:00, not "${hoursText ?? ''}".`);
  }
  const policy = {
    remindBefore: env.REMIND_BEFORE
      ? env.REMIND_BEFORE.split(',').map((s) => Number(s.trim()))
      : DEFAULT_REMINDER_POLICY.remindBefore,
    ...escalation(env.ESCALATE_AFTER, fail),
  };
  const problem = policyProblem(policy);
  if (problem) throw fail(`REMIND_BEFORE / ESCALATE_AFTER: ${problem}`);
  return { enabled: enabled === 'on', runAt: at.from, sendHours, policy };
}

function escalation(
  text: string | undefined,
  fail: (message: string) => Error,
): Pick<ReminderPolicy, 'overdueAfter' | 'escalateAfter'> {
  const d = DEFAULT_REMINDER_POLICY;
  if (!text) return { overdueAfter: d.overdueAfter, escalateAfter: { ...d.escalateAfter } };
  const given = new Map<string, number>();
  for (const part of text.split(',')) {
    const [key, value] = part.split('=').map((s) => s.trim());
    if (!key || !['overdue', 'dsp', 'chair', 'lsp'].includes(key) || value === undefined) {
      throw fail(
        `ESCALATE_AFTER must look like overdue=1,dsp=5,chair=10,lsp=15 (working days after the due date), not "${text}".`,
      );
    }
    given.set(key, Number(value));
  }
  return {
    overdueAfter: given.get('overdue') ?? d.overdueAfter,
    escalateAfter: {
      dsp: given.get('dsp') ?? d.escalateAfter.dsp,
      chair: given.get('chair') ?? d.escalateAfter.chair,
      lsp: given.get('lsp') ?? d.escalateAfter.lsp,
    },
  };
}
