import * as AC from 'adaptivecards';
import { walk } from './card-walk.js';

/** Parses with Microsoft's adaptivecards SDK; every parse or validation event is a failure. */
export function parseCard(card: object) {
  const ctx = new AC.SerializationContext();
  const ac = new AC.AdaptiveCard();
  ac.parse(card, ctx);
  const events = [...Array(ctx.eventCount).keys()].map((i) => ctx.getEventAt(i).message);
  const validation = ac.validateProperties();
  for (let i = 0; i < validation.validationEvents.length; i++)
    events.push(validation.validationEvents[i]?.message ?? '');
  return { ac, events };
}

/** Our own checks for what the SDK is lenient about: a verb on every Action.Execute. */
export function executesWithoutVerb(card: unknown): Record<string, unknown>[] {
  return walk(card).filter(
    (e) => e.type === 'Action.Execute' && (typeof e.verb !== 'string' || e.verb.length === 0),
  );
}

/** Every input has a label; each required one says so and says what is wrong when it is empty. */
export function unmarkedInputs(card: unknown, required: readonly string[]): string[] {
  const problems: string[] = [];
  for (const input of walk(card).filter((e) => String(e.type).startsWith('Input.'))) {
    const id = String(input.id);
    if (typeof input.label !== 'string' || !input.label) problems.push(`${id} has no label`);
    if (required.includes(id)) {
      if (input.isRequired !== true) problems.push(`${id} is not marked required`);
      if (typeof input.errorMessage !== 'string') problems.push(`${id} has no error message`);
    } else if (input.isRequired === true) problems.push(`${id} is required but should not be`);
  }
  for (const id of required)
    if (!walk(card).some((e) => e.id === id)) problems.push(`${id} is missing`);
  return problems;
}

export const cardBytes = (card: unknown) => Buffer.byteLength(JSON.stringify(card), 'utf8');

/** What is wrong with a card the bot produced: parse events, verbless actions, size. */
export function cardProblems(card: Record<string, unknown>): string[] {
  return [
    ...(card.version === '1.5' ? [] : [`version ${String(card.version)}`]),
    ...parseCard(card).events,
    ...executesWithoutVerb(card).map(() => 'Action.Execute without a verb'),
    ...(cardBytes(card) < 20 * 1024 ? [] : [`${cardBytes(card)} bytes`]),
  ];
}
