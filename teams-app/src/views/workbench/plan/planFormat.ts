const pounds = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  maximumFractionDigits: 0,
});
const pence = new Intl.NumberFormat('en-GB', {
  style: 'currency',
  currency: 'GBP',
  minimumFractionDigits: 2,
});
const number = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const monthFormat = new Intl.DateTimeFormat('en-GB', {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const shortMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', timeZone: 'UTC' });

/** £19,500 or £412.50: pence only when there are some. */
export function formatMoney(value: number): string {
  return (Number.isInteger(value) ? pounds : pence).format(value);
}

export function formatNumber(value: number): string {
  return number.format(value);
}

/** "1 day", "4.5 days". */
export function formatDays(value: number): string {
  return `${number.format(value)} ${value === 1 ? 'day' : 'days'}`;
}

function monthDate(month: string): Date {
  return new Date(`${month.slice(0, 7)}-01T00:00:00Z`);
}

/** `2026-04` → "April 2026". */
export function formatMonth(month: string): string {
  const date = monthDate(month);
  return Number.isNaN(date.getTime()) ? month : monthFormat.format(date);
}

/** `2026-04` → "Apr". */
export function formatShortMonth(month: string): string {
  const date = monthDate(month);
  return Number.isNaN(date.getTime()) ? month : shortMonth.format(date);
}

/** 2026 → "2026 to 2027" (reporting years start on 1 April). */
export function reportingYearLabel(year: number): string {
  return `${year} to ${year + 1}`;
}

/** The reporting year a date falls in: January to March belong to the year before. */
export function reportingYearOf(today = new Date()): number {
  return today.getMonth() >= 3 ? today.getFullYear() : today.getFullYear() - 1;
}
