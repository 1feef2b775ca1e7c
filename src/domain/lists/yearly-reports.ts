import type { ListSchema } from './columns.js';
import { reportStatuses } from '../vocabulary.js';

/** The Independent Scrutineer's statement for one reporting year (1 April to 31 March). */
export const yearlyReports = {
  title: 'CF Yearly Reports',
  description: "The Independent Scrutineer's statement for each reporting year, and its sign-off.",
  columns: {
    /** The year the reporting year starts in: 2026 is 1 April 2026 to 31 March 2027. */
    year: {
      kind: 'number',
      label: 'Year from 1 April',
      min: 2000,
      max: 2100,
      integer: true,
      required: true,
      indexed: true,
    },
    /** `yearly:<year>`: one report a year, however often it is started. */
    reportKey: {
      kind: 'text',
      label: 'Report key',
      maxLength: 40,
      required: true,
      indexed: true,
      unique: true,
    },
    summaryJudgement: {
      kind: 'note',
      label: 'Summary judgement',
      maxLength: 8000,
      freeText: true,
    },
    status: { kind: 'choice', label: 'Status', choices: reportStatuses, required: true },
    signedOffAt: { kind: 'dateTime', label: 'Signed off' },
    signedOffById: { kind: 'ref', label: 'Signed off by', list: 'people' },
    /** The data as it stood at sign-off, frozen (a file in the evidence library). */
    snapshotFileId: { kind: 'text', label: 'Snapshot file', maxLength: 255 },
  },
} as const satisfies ListSchema;
