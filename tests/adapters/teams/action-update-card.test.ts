// @vitest-environment happy-dom
import '../../setup-dom.js';
import type * as AC from 'adaptivecards';
import { describe, expect, it } from 'vitest';
import type { ActionUpdateCardView } from '../../../src/application/use-cases/action-updates.js';
import {
  actionUpdateCard,
  REFRESH_ACTION_VERB,
  UPDATE_ACTION_VERB,
} from '../../../src/adapters/teams/cards/action-update-card.js';
import {
  cardBytes,
  executesWithoutVerb,
  parseCard,
  unmarkedInputs,
} from './support/card-checks.js';
import { inputsOf, textOf, walk } from './support/card-walk.js';

const view: ActionUpdateCardView = {
  actionId: 'action-1',
  reference: 'HSCP-R-2026-07',
  recommendationTitle: 'Assure police attendance at strategy discussions',
  partnerName: 'Eastshire Constabulary',
  description: 'Public protection unit attends every strategy discussion.',
  ownerName: 'Aisha Noor',
  targetDate: '2027-01-31',
  evidenceExpected: 'Attendance figures from the Front Door log.',
  status: 'open',
  latest: {
    progress: 40,
    narrative: 'Rota agreed; first month at 80% attendance.',
    evidenceLink: 'https://harbourside.example/evidence/rota',
    authorName: 'Aisha Noor',
    at: '2026-12-01T09:30:00Z',
  },
  mode: 'update',
  submitKey: '3f0a6c1e-5b7d-4e2a-9c11-2d4e6f8a0b1c',
};

describe('the action update card', () => {
  it('is a valid 1.5 card with verbs, required inputs marked, well under 20 KB', () => {
    for (const v of [
      view,
      { ...view, mode: 'status' as const },
      { ...view, mode: 'status' as const, recorded: true, notice: 'Your update was recorded.' },
    ]) {
      const card = actionUpdateCard(v);
      expect(card.version).toBe('1.5');
      expect(parseCard(card).events).toEqual([]);
      expect(executesWithoutVerb(card)).toEqual([]);
      expect(unmarkedInputs(card, v.mode === 'update' ? ['progress', 'narrative'] : [])).toEqual(
        [],
      );
      expect(cardBytes(card)).toBeLessThan(20 * 1024);
    }
  });

  it('submits progress, narrative, link and revised date with the action id and its submit key', () => {
    const { ac } = parseCard(actionUpdateCard(view));
    let submitted: { verb?: string; data?: Record<string, unknown> } | undefined;
    ac.onExecuteAction = (action) => {
      const a = action as AC.ExecuteAction;
      submitted = { verb: a.verb, data: a.data as Record<string, unknown> };
    };
    document.body.replaceChildren(ac.render() as HTMLElement);
    const set = (id: string, value: string) => {
      const el = (ac.getElementById(id) as AC.Input).renderedElement?.querySelector(
        'input, textarea, select',
      ) as HTMLInputElement;
      el.value = value;
      el.dispatchEvent(new Event('input'));
    };
    set('progress', '60');
    set('narrative', 'Second month at 90%.');
    set('evidenceLink', 'https://harbourside.example/evidence/rota-2');
    set('revisedDate', '2027-02-28');
    [...document.querySelectorAll('button')]
      .find((b) => b.textContent?.includes('Submit update'))
      ?.click();
    expect(submitted?.verb).toBe(UPDATE_ACTION_VERB);
    expect(submitted?.data).toMatchObject({
      actionId: 'action-1',
      submitKey: view.submitKey,
      narrative: 'Second month at 90%.',
      evidenceLink: 'https://harbourside.example/evidence/rota-2',
      revisedDate: '2027-02-28',
    });
    expect(Number(submitted?.data?.progress)).toBe(60);
  });

  it('starts progress at the latest figure and shows the latest update with its evidence', () => {
    const card = actionUpdateCard(view);
    expect(inputsOf(card).find((i) => i.id === 'progress')).toMatchObject({
      type: 'Input.Number',
      min: 0,
      max: 100,
      value: 40,
    });
    const text = textOf(card);
    expect(text).toContain('Latest update: 40% done');
    expect(text).toContain('Rota agreed; first month at 80% attendance.');
    expect(walk(card).find((e) => e.type === 'Action.OpenUrl')).toMatchObject({
      url: 'https://harbourside.example/evidence/rota',
    });
  });

  it('after an update, confirms it and offers another rather than a blank form', () => {
    const card = actionUpdateCard({
      ...view,
      mode: 'status',
      recorded: true,
      notice: 'Your update was recorded. Thank you.',
    });
    expect(inputsOf(card)).toEqual([]);
    expect(card.actions).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: REFRESH_ACTION_VERB,
        data: { actionId: 'action-1', again: true },
      }),
    ]);
  });

  it('shows only where the action stands to anyone else', () => {
    const card = actionUpdateCard({ ...view, mode: 'status' });
    expect(inputsOf(card)).toEqual([]);
    expect(card.actions).toBeUndefined();
    expect(card.refresh).toMatchObject({
      action: { verb: REFRESH_ACTION_VERB, data: { actionId: 'action-1' } },
    });
  });
});
