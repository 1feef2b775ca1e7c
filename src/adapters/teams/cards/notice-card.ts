import { CARD_SCHEMA, CARD_VERSION, noticeBlock, type CardJson } from './card-text.js';

/** A card that only says something: what a person who may not see a card's content gets. */
export function noticeCard(notice: string): CardJson {
  return {
    type: 'AdaptiveCard',
    $schema: CARD_SCHEMA,
    version: CARD_VERSION,
    fallbackText: notice,
    body: [noticeBlock(notice, 'info')],
  };
}
