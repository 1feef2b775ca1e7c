import { lists, type ListName } from '../../../../../src/domain/lists/schema';
import type { Channel } from '../../../../../src/domain/vocabulary';

const englandTime = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  timeZone: 'Europe/London',
});

/** An instant as a clock in England shows it, whatever the reader's own time zone. */
export function englandDateTime(value: string): string {
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : englandTime.format(date);
}

export const channelLabels: Record<Channel, string> = {
  tab: 'Teams tab',
  'teams-card': 'Teams card',
  'web-link': 'Web link',
  api: 'API',
  system: 'The app itself',
};

/** A list's key as its SharePoint title without the "CF " prefix, e.g. "Recommendations". */
export function listLabel(key: string): string {
  const schema = (lists as Partial<Record<string, { title: string }>>)[key];
  return schema ? schema.title.replace(/^CF /, '') : key;
}

/** The lists a change can be filtered by (the trail itself is never a subject of the trail). */
export const auditedLists = (Object.keys(lists) as ListName[])
  .filter((l) => l !== 'auditTrail')
  .map((key) => ({ key, label: listLabel(key) }))
  .sort((a, b) => a.label.localeCompare(b.label));
