import type { ListSchema } from './columns.js';

export const plans = {
  title: 'CF Scrutiny Plans',
  description: 'One scrutiny plan per reporting year (1 April to 31 March), with the day budget.',
  columns: {
    /** The calendar year in which the reporting year starts: 2026 is 1 April 2026 to 31 March 2027. */
    reportingYear: {
      kind: 'number',
      label: 'Reporting year (starting April)',
      min: 2000,
      max: 2100,
      integer: true,
      required: true,
      indexed: true,
      unique: true,
    },
    daysContracted: {
      kind: 'number',
      label: 'Days contracted',
      min: 0,
      max: 366,
      required: true,
    },
    dayRate: { kind: 'number', label: 'Day rate (£)', min: 0, max: 10000, required: true },
  },
} as const satisfies ListSchema;
