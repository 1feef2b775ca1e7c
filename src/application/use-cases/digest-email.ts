import { timingWords } from '../../domain/reminders.js';
import { mailAddressOf } from '../../domain/response-links.js';
import type { DigestCardView, DigestItem } from '../ports/cards.js';
import type { MailOutcome } from '../ports/mailer.js';
import { digestCardView } from './digest-views.js';
import { offerWebLink, type ResponseLinkDeps } from './response-links.js';

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});
const inWords = (date: string) => dayFormat.format(new Date(`${date}T12:00:00Z`));

/** The card's wording, in mid-sentence: "due in 5 working days", "2 working days overdue". */
const timing = (n: number) => {
  const words = timingWords(n);
  return words.startsWith('Due') ? `d${words.slice(1)}` : words;
};

const why: Record<DigestItem['role'], string> = {
  owner: '',
  dsp: ' (escalated to you as their delegated safeguarding partner)',
  chair: ' (escalated to you as partnership chair)',
  lsp: ' (escalated to the lead safeguarding partners)',
};

/** The digest as a plain-text email: the same items as the card, a line each. */
export function digestEmailText(view: DigestCardView): { subject: string; body: string } {
  const open = view.items.filter((i) => !i.settled);
  const lines = open.map((i) => {
    const what = i.kind === 'response' ? `Response due from ${i.partnerName}` : 'Action';
    const owner = i.role === 'owner' ? '' : `, owner ${i.ownerName} at ${i.partnerName}`;
    return `- ${i.reference}: ${i.title}\n  ${what}${owner}; ${timing(i.workingDaysToDue)} (due ${inWords(i.dueDate)})${why[i.role]}`;
  });
  const respond = open.some((i) => i.kind === 'response' && i.role === 'owner')
    ? '\nFor each response due from you, a separate email brings a link to respond on the web.\n'
    : '';
  return {
    subject: `Critical Friend: ${open.length} item${open.length === 1 ? '' : 's'} due or overdue, ${inWords(view.date)}`,
    body: [
      `Dear ${view.recipientName},`,
      '',
      'Critical Friend could not reach you in Microsoft Teams, so here by email is what is due or overdue for you today:',
      '',
      ...lines,
      respond,
      'To update an action, open Critical Friend in Teams, or reply to the partnership business unit.',
    ].join('\n'),
  };
}

/**
 * A reminder digest that cannot reach its person in Teams goes by email instead (once: the
 * mailer keys it by the digest), and each response due from them gets its signed web link.
 */
export async function emailDigest(
  deps: ResponseLinkDeps,
  input: { deliveryKey: string; personId: string },
): Promise<MailOutcome | { skipped: string }> {
  const person = await deps.repo.get('people', input.personId);
  if (!person) return { skipped: 'no-person' };
  const to = mailAddressOf(person.fields.upn);
  if (!to) return { skipped: 'no-address' };
  const viewer = { ...person.fields, id: person.id };
  const view = await digestCardView(deps, input.deliveryKey, viewer);
  const open = view?.items.filter((i) => !i.settled) ?? [];
  if (!view || open.length === 0) return { skipped: 'nothing-due' };
  for (const item of open) {
    if (item.kind === 'response' && item.role === 'owner') {
      await offerWebLink(deps, { recommendationId: item.subjectId, personId: person.id });
    }
  }
  const email = digestEmailText(view);
  return deps.mailer.send({ key: `digest:${input.deliveryKey}`, to, ...email });
}
