/** Where bank-holiday dates come from, so the app can say so beside any date it works out. */
export interface HolidaySource {
  /** For people: "GOV.UK bank holidays (England and Wales)", "date-holidays 3.37.0 rules …". */
  name: string;
  url?: string;
  /** The first date the source speaks for, when it has one. */
  coversFrom?: string;
  /**
   * The last date the source speaks for (`YYYY-MM-DD`), or null when the dates are computed by
   * rule for any year (one-off bank holidays then only as far as that version knows them).
   */
  coversUntil: string | null;
  /** Anything a reader should know, such as GOV.UK being unreachable at the last attempt. */
  note?: string;
  /** Consulted for dates outside this source's range. */
  fallback?: HolidaySource;
}

/**
 * The bank holidays of England and Wales (the two share them): the days off, including
 * substitute days. A holiday that falls at a weekend in name (Boxing Day on a Saturday) is not
 * listed; its substitute day (the Monday) is, as GOV.UK publishes them.
 */
export interface HolidayCalendar {
  /** The bank holidays from `from` to `to` inclusive, as `YYYY-MM-DD` dates. */
  holidaysBetween(from: string, to: string): Promise<ReadonlySet<string>>;
  /** Where the dates come from, as it stands now. */
  source(): HolidaySource;
}
