/**
 * Fictional identifying details for tests, in any layer, that check the guard is enforced. One
 * place, beside the guard's own corpus, so no other fixture invents such data. Nobody real: the
 * NHS number is in the 999 test range (valid check digit), the phone number in Ofcom's drama range.
 */
export const sample = {
  nhsNumber: '999 000 1006',
  parentName: 'Zephyrine Quillfeather',
  otherParentName: 'Barnaby Wolstenholme',
  phone: '07700 900417',
  email: 'zq.refused@example.org',
  /** As a spreadsheet shows it: Excel's day 45000 (1900 date system). */
  dateOfBirth: '15/03/2023',
} as const;
