import type { ChangeContext, Repository } from '../../application/ports/repository.js';
import type { Fields } from '../../domain/lists/schema.js';

/**
 * Case reviews (codes only) and disagreements for the demo partnership. The text is about the
 * system, never about a child or family.
 */
const caseReviews: Fields<'caseReviews'>[] = [
  {
    code: 'HSCP-C-2026-03',
    awareOn: '2026-04-08',
    notifiedOn: '2026-04-14',
    rapidReviewOn: '2026-05-01',
    lcsprDecision: 'no-lcspr',
    decisionOn: '2026-05-06',
    assuranceNote:
      'Notified and reviewed in time. The rapid review used the new template and its learning went to the Learning and Review sub-group.',
  },
  {
    code: 'HSCP-C-2026-07',
    awareOn: '2026-06-19',
    notifiedOn: '2026-06-30',
    notificationLateReason:
      'The incident reached the business unit through a single-agency route and was not recognised as notifiable until the weekly screening meeting.',
    rapidReviewOn: '2026-07-17',
    lcsprDecision: 'no-lcspr',
    decisionOn: '2026-07-22',
    assuranceNote:
      'The late notification was explained; partners have since agreed that any partner may notify the business unit directly.',
  },
  {
    code: 'HSCP-C-2026-11',
    awareOn: '2026-09-07',
    notifiedOn: '2026-09-10',
    rapidReviewOn: '2026-09-29',
    lcsprDecision: 'lcspr',
    decisionOn: '2026-10-06',
  },
];

type DisagreementSeed = Omit<Fields<'disagreements'>, 'partnerIds'> & { parties: string[] };

const disagreements: DisagreementSeed[] = [
  {
    reference: 'HSCP-D-2026-1',
    parties: ['police', 'council'],
    matter: 'Whether police must attend every out-of-hours strategy discussion in person.',
    positions:
      'The council asked for attendance in person; the police proposed attendance by phone out of hours, with the same information shared.',
    advice:
      'Agree a minimum standard for information sharing first, then test remote attendance for three months against it.',
    adviceOn: '2026-06-29',
    outcome:
      'Both partners accepted the advice; the Strategic Leadership Group agreed the standard in July.',
    status: 'resolved',
    raisedOn: '2026-06-15',
    resolvedOn: '2026-07-21',
  },
  {
    reference: 'HSCP-D-2026-2',
    parties: ['icb', 'council'],
    matter: 'Which partner funds health input to the Front Door from April 2027.',
    positions:
      'The ICB holds that the current arrangement was a one-year pilot; the council holds that it is a core contribution.',
    status: 'open',
    raisedOn: '2026-10-12',
  },
];

/** Adds the demo case reviews and disagreements; `partnerId` maps the seed's partner keys to ids. */
export async function seedHarboursideCases(
  repo: Repository,
  ctx: ChangeContext,
  partnerId: (key: string) => string | undefined,
): Promise<void> {
  for (const review of caseReviews) await repo.create('caseReviews', review, ctx);
  for (const { parties, ...fields } of disagreements)
    await repo.create(
      'disagreements',
      { ...fields, partnerIds: parties.flatMap((k) => partnerId(k) ?? []) },
      ctx,
    );
}
