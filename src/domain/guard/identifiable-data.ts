/**
 * The identifiable-data guard (shared/domain.md, "Data protection rules"): finds details in free
 * text that could identify a child or family, so the tab can warn while the scrutineer types and
 * the server can refuse the write before anything is stored.
 *
 * Pure and fast by design: every pattern is anchored on a rare starting character or a word
 * boundary, repeats are bounded, and no two adjacent repeats can match the same characters, so the
 * work is linear in the length of the text (no catastrophic backtracking). Context checks look at a
 * short slice either side of a candidate rather than rescanning the whole text.
 *
 * The guard leans towards flagging: a false alarm costs a rewrite, a miss costs a child's privacy.
 * It deliberately allows the partnership's own codes (HSCP-C-2026-14), anonymised forms ("Child J",
 * "Sibling 2") and staff named in their professional role.
 */

export type IdentifiableKind =
  | 'nhs-number'
  | 'date-of-birth'
  | 'postcode'
  | 'phone-number'
  | 'email-address'
  | 'person-name'
  | 'agency-case-number'
  | 'street-address';

/** UTF-16 offsets into the input; `end` is exclusive. Never carries the matched text itself. */
export interface IdentifiableMatch {
  kind: IdentifiableKind;
  start: number;
  end: number;
}

/** Earlier kinds win when two candidates overlap: the more specific pattern is the better label. */
export const identifiableKinds: readonly IdentifiableKind[] = [
  'email-address',
  'nhs-number',
  'phone-number',
  'postcode',
  'date-of-birth',
  'agency-case-number',
  'street-address',
  'person-name',
];

const priority = new Map<IdentifiableKind, number>(identifiableKinds.map((k, i) => [k, i]));

export function findIdentifiableData(text: string): IdentifiableMatch[] {
  const candidates: IdentifiableMatch[] = [];
  const add = (kind: IdentifiableKind, start: number, end: number): void => {
    if (end > start) candidates.push({ kind, start, end });
  };
  findEmails(text, add);
  findNhsNumbers(text, add);
  findPhoneNumbers(text, add);
  findPostcodes(text, add);
  findDatesOfBirth(text, add);
  findCaseNumbers(text, add);
  findStreetAddresses(text, add);
  findPersonNames(text, add);
  return resolveOverlaps(candidates, text.length);
}

/** Keeps the highest-priority candidate wherever candidates overlap; earlier and longer break ties. */
function resolveOverlaps(candidates: IdentifiableMatch[], length: number): IdentifiableMatch[] {
  const ranked = [...candidates].sort(
    (a, b) =>
      (priority.get(a.kind) ?? 99) - (priority.get(b.kind) ?? 99) ||
      a.start - b.start ||
      b.end - a.end,
  );
  // One flag per character keeps this linear in the text, however many candidates there are.
  const taken = new Uint8Array(length);
  const kept: IdentifiableMatch[] = [];
  for (const c of ranked) {
    let free = true;
    for (let i = c.start; i < c.end && free; i++) free = taken[i] === 0;
    if (!free) continue;
    taken.fill(1, c.start, c.end);
    kept.push(c);
  }
  return kept.sort((a, b) => a.start - b.start);
}

type Add = (kind: IdentifiableKind, start: number, end: number) => void;

// ---------------------------------------------------------------------------------------------
// Email addresses: scanned outwards from each '@' by hand, so a long run of word characters can
// never be re-read from every starting position (which a naive regex would do).

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45 || c === 39; // . _ % + - '
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45; // . -
}
function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function findEmails(text: string, add: Add): void {
  let at = text.indexOf('@');
  let floor = 0;
  while (at !== -1) {
    let s = at;
    while (s > floor && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && text.charCodeAt(s) === 46) s++; // a local part cannot start with '.'
    let e = at + 1;
    while (e < text.length && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    const domain = text.slice(at + 1, e);
    const lastDot = domain.lastIndexOf('.');
    // A dotted domain with an alphabetic top level; "@Sarah" (a Teams mention) is not an address.
    if (s < at && lastDot > 0 && /^[A-Za-z]{2,}$/.test(domain.slice(lastDot + 1))) {
      add('email-address', s, e);
      floor = e;
    }
    at = text.indexOf('@', Math.max(at + 1, e));
  }
}

// ---------------------------------------------------------------------------------------------
// NHS numbers: 10 digits, optionally 3-3-4 with one consistent separator, passing modulus 11.

const NHS_RE = /(?<![\d+])\d{3}([ -]?)\d{3}\1\d{4}(?![\d])/g;

/** Modulus 11 over the first nine digits (weights 10..2); a result of 10 means no valid number. */
export function isValidNhsNumber(value: string): boolean {
  const digits = value.replace(/[ -]/g, '');
  if (!/^\d{10}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(digits[i]) * (10 - i);
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  // A row of one digit passes the check but is a placeholder, not a number anyone was given.
  if (/^(\d)\1{9}$/.test(digits)) return false;
  return check === Number(digits[9]);
}

function findNhsNumbers(text: string, add: Add): void {
  for (const m of text.matchAll(NHS_RE)) {
    if (isValidNhsNumber(m[0])) add('nhs-number', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// UK phone numbers: a +44/0044/0 prefix then national digits starting 1, 2, 3 or 7, with single
// spaces, hyphens or brackets between groups. Digits are counted by a hand scan so the end of the
// number is exact and a following figure is never swallowed.

const PHONE_START_RE = /(?<![\w+])(?:(?:\+|00)44[ -]?(?:\(0\)[ -]?)?|\(?0)(?=[1237])/g;

function findPhoneNumbers(text: string, add: Add): void {
  for (const m of text.matchAll(PHONE_START_RE)) {
    let i = m.index + m[0].length;
    let digits = 0;
    let end = i;
    while (i < text.length && digits < 10) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        digits++;
        i++;
        end = i;
        continue;
      }
      // Up to two separator characters, and only if a digit follows them.
      let j = i;
      while (j < text.length && j - i < 2 && isPhoneSeparator(text.charCodeAt(j))) j++;
      if (j === i) break;
      const next = text.charCodeAt(j);
      if (!(next >= 48 && next <= 57)) break;
      i = j;
    }
    const after = text.charCodeAt(end);
    const runsOn = after >= 48 && after <= 57;
    if ((digits === 10 || digits === 9) && !runsOn) add('phone-number', m.index, end);
  }
}

function isPhoneSeparator(c: number): boolean {
  return c === 32 || c === 45 || c === 40 || c === 41 || c === 0xa0; // space - ( ) nbsp
}

// ---------------------------------------------------------------------------------------------
// UK postcodes: full postcodes only. Letters are limited to those Royal Mail uses in each position
// (no Q or V first; no C, I, K, M, O, V in the inward letters), which rules out most look-alikes
// such as "Q3 2026" and "WT2023".

const POSTCODE_RE = /\b[A-PR-UWXYZ][A-HK-Y]?\d[A-Z\d]?[ \u00a0]?\d[ABD-HJLNP-UW-Z]{2}\b/gi;

function findPostcodes(text: string, add: Add): void {
  for (const m of text.matchAll(POSTCODE_RE)) {
    // "Y10 2nd" or "S47 1st" in lower case is an ordinal after a code, not a postcode.
    if (/\d(?:st|nd|rd|th)$/.test(m[0])) continue;
    add('postcode', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Dates of birth: any date form, but only in a birth context a few words either side. Ordinary
// dates (meetings, deadlines) are never flagged.

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const ORDINAL = '(?:st|nd|rd|th)?';
const DATE_RES: readonly RegExp[] = [
  // 03/04/2019, 3.4.19, 3-4-2019 (either day-month order)
  /(?<![\d/.-])\d{1,2}([/.-])\d{1,2}\1(?:\d{4}|\d{2})(?!\d|[/.-]\d)/g,
  // 2019-04-03, 2019/04/03
  /(?<![\d/.-])\d{4}([/.-])\d{1,2}\1\d{1,2}(?!\d|[/.-]\d)/g,
  // 3 April 2019, 3rd of Apr 19
  new RegExp(
    `\\b${DAY}${ORDINAL}\\s{1,3}(?:of\\s{1,3})?${MONTH}\\.?,?\\s{1,3}(?:\\d{4}|['’]?\\d{2})\\b`,
    'gi',
  ),
  // April 3rd 2019, Apr 3, 2019
  new RegExp(`\\b${MONTH}\\.?\\s{1,3}${DAY}${ORDINAL},?\\s{1,3}\\d{4}\\b`, 'gi'),
  // April 2019 (month and year narrow a birth down enough to count)
  new RegExp(`\\b${MONTH}\\.?,?\\s{1,3}\\d{4}\\b`, 'gi'),
];

// The birth word must come shortly before the date, in the same sentence.
const BIRTH_BEFORE_RE =
  /(?:\bd\.?\s?o\.?\s?b\b\.?|\bdate\s+of\s+birth\b|\bbirth\s?date\b|\bbirthday\b|\bborn\b|(?<![\w.])b\.)[^.;!?\n]{0,28}$/i;
const BIRTH_AFTER_RE = /^\s{0,2}[([,]?\s{0,2}(?:d\.?\s?o\.?\s?b\b|date\s+of\s+birth\b|born\b)/i;

function findDatesOfBirth(text: string, add: Add): void {
  for (const re of DATE_RES) {
    for (const m of text.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      const before = text.slice(Math.max(0, start - 45), start);
      const after = text.slice(end, end + 20);
      if (BIRTH_BEFORE_RE.test(before) || BIRTH_AFTER_RE.test(after)) {
        add('date-of-birth', start, end);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Agency case numbers: an identifier of 5+ digits (digits, slashes, hyphens, up to three capital
// letters in front) introduced by a case/reference/ID word or an agency system's name.

const ID_TOKEN_RE = /(?<![\w/£$€-])(?<!\d[.,])(?:[A-Z]{1,3}-?)?\d[\d/-]*/g;
const CASE_KEYWORD_RE =
  /\b(?:case|ref|refs|reference|id|crn|urn|upn|pnc|crime|occurrence|incident|log|file|record|client|person|nhs|lcs|mosaic|eclipse|liquidlogic|systmone|emis|rio|niche|athena|cad)\b\.?(?:[\s:#.-]{0,3}(?:no|number|num|ref|reference|id|is)\b\.?){0,2}[\s:#-]{0,3}$/i;
const DATE_LIKE_RE = /^(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}[/.-]\d{1,2}[/.-]\d{1,2})$/;
const YEAR_RANGE_RE = /^(?:19|20)\d{2}[/-](?:(?:19|20)?\d{2})$/;

function findCaseNumbers(text: string, add: Add): void {
  for (const m of text.matchAll(ID_TOKEN_RE)) {
    let tokenEnd = m[0].length;
    while (tokenEnd > 0 && /[/-]/.test(m[0].charAt(tokenEnd - 1))) tokenEnd--; // "12345/" → "12345"
    const token = m[0].slice(0, tokenEnd);
    let digits = 0;
    for (let i = 0; i < token.length; i++) {
      const c = token.charCodeAt(i);
      if (c >= 48 && c <= 57) digits++;
    }
    if (digits < 5 || DATE_LIKE_RE.test(token) || YEAR_RANGE_RE.test(token)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    if (CASE_KEYWORD_RE.test(before)) add('agency-case-number', m.index, m.index + token.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Street addresses: house number, one to three capitalised words, a street type.

const STREET_TYPES =
  'Road|Rd|Street|St|Avenue|Ave|Lane|Ln|Close|Drive|Way|Crescent|Cres|Court|Ct|Gardens|Gdns|Place|Terrace|Tce|Grove|Walk|Hill|Row|Square|Sq|Mews|Park|Parade|Rise|Green|Mount|Vale|Croft|Fold|Yard|Wharf|Boulevard|Esplanade|Embankment|Approach|Chase|Meadows?|Parkway|Brow|Dene|Garth|Wynd|Glade|Heights|Broadway|Circus|Hollow';
const STREET_RE = new RegExp(
  `(?<![\\w£$€.,/:-])\\d{1,4}[A-Za-z]?,?[ \\t\\u00a0]{1,3}([A-Z][a-z'’-]+)\\.?[ \\t\\u00a0]{1,3}(?:[A-Z][a-z'’-]+\\.?[ \\t\\u00a0]{1,3}){0,2}(${STREET_TYPES})\\b`,
  'g',
);
// Institutions and events that look like "number + Name + Court/Walk": "2 Family Court hearings",
// "3 Learning Walks". A real street with these words ("12 High Street") still counts.
const NOT_STREET_FIRST_WORDS = new Set(
  "Family Crown Youth County Magistrates Magistrates' Magistrates’ Coroner's Coroner’s Coroners High Supreme Appeal Learning Practice Quality Safeguarding Car Safe Front Multi Audit Team Children's Children’s Child Health Early Strategy Review Case".split(
    ' ',
  ),
);
const NUMBERED_THING_RE =
  /\b(?:year|yr|y|section|s|tier|level|step|stage|phase|priority|recommendation|item|paragraph|para|page|chapter|appendix|version|week|day|key stage|ks|q)\.?\s{0,2}$/i;
const ALWAYS_STREET_TYPES = new Set(['Street', 'St', 'Road', 'Rd', 'Lane', 'Avenue', 'Ave']);

function findStreetAddresses(text: string, add: Add): void {
  for (const m of text.matchAll(STREET_RE)) {
    const first = m[1] ?? '';
    const type = m[2] ?? '';
    if (NOT_STREET_FIRST_WORDS.has(first) && !ALWAYS_STREET_TYPES.has(type)) continue;
    // "Year 7 Green Lane Academy", "Section 2 Oak Park": a numbered thing, not a house number.
    if (NUMBERED_THING_RE.test(text.slice(Math.max(0, m.index - 16), m.index))) continue;
    add('street-address', m.index, m.index + m[0].length);
  }
}

// ---------------------------------------------------------------------------------------------
// Person names next to family words. A name is one to three capitalised words that are not in the
// stop list below. Four shapes: "mother Sarah" / "the child, Tom Smith"; "Sarah's mother";
// "Sarah, the mother"; "Liam (aged 4)". Anonymised forms ("Child J", "Sibling 2") never qualify
// because a name word needs lower-case letters after its capital.

const FAMILY_WORDS =
  'young\\s+people|young\\s+persons?|step-?(?:mother|father|mum|dad|brother|sister|son|daughter)s?|(?:great-?)?grand(?:mother|father|parent|ma|pa|dad|mum|son|daughter|child|children)s?|half-(?:brother|sister)s?|children|child|mothers?|mum(?:my)?s?|fathers?|dad(?:dy)?s?|babies|baby|infants?|siblings?|brothers?|sisters?|sons?|daughters?|nan(?:a|na)?s?|granny|grandad|carers?|parents?|boys?|girls?|aunt(?:ie|y)?s?|uncles?|cousins?|partners?|nieces?|nephews?|twins?|toddlers?|teenagers?|newborn';
const FAMILY_RE = new RegExp(`\\b(?:${FAMILY_WORDS})\\b`, 'gi');
const FAMILY_STICKY_RE = new RegExp(`(?:${FAMILY_WORDS})\\b`, 'iy');
const PLURAL_FAMILY_RE = /(?:people|children|babies|s)$/i;
const FAMILY_ADJECTIVES =
  '(?:older|younger|little|big|baby|birth|foster|adoptive|new|ex-|late|elder|eldest|youngest|twin|biological)';

// Latin-1 letters too, so "Zoë" and "Siân" are read whole.
const NAME_WORD = "(?:Mc|Mac|O['’])?[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+(?:-[A-ZÀ-ÖØ-Þ][a-zß-öø-ÿ]+)?";
// A name starts where no letter or digit precedes it (`\b` would not see accented letters).
const NAME_START = '(?<![A-Za-zÀ-ÖØ-öø-ÿ0-9])';
const NAME_WORD_STICKY_RE = new RegExp(NAME_WORD, 'y');
const NAME_WORD_END_RE = new RegExp(`(${NAME_WORD})[ \\u00a0]{1,2}$`);
// Between a family word and its name: "mother Sarah", "child, Tom", "father (Mark)", "mum: Jo",
// "a girl called Amy", "stepdad – Ryan". Horizontal space only, so a heading ending in "Children"
// is not read together with the first word of the next line.
const FAMILY_NAME_GAP_RE =
  /(?:[ \t\u00a0]{0,2}[,:(–—-][ \t\u00a0]{0,2}|[ \t\u00a0]{1,2})(?:(?:called|named|known\s+as|aka)[ \t\u00a0]{1,2})?/y;
const HONORIFIC_RE = /(?:Mr|Mrs|Ms|Miss|Master)\.?[ \u00a0]{1,2}/y;
const HONORIFIC_BEFORE_RE = /(?:Mr|Mrs|Ms|Miss|Master)\.?[ \u00a0]{1,2}$/;
const NAME_JOIN_RE = /(?:[ \u00a0]{1,2}(?:and|&)|,)[ \u00a0]{1,2}/y;
// "Sarah's mother", "James' older brother".
const POSSESSIVE_NAME_RE = new RegExp(
  `${NAME_START}${NAME_WORD}(?:['’]s|(?<=s)['’])[ \\u00a0]{1,2}(?:${FAMILY_ADJECTIVES}[ \\u00a0]{1,2})?(?=[A-Za-z])`,
  'g',
);
// "Sarah, the mother", "Tom, her son".
const APPOSITIVE_NAME_RE = new RegExp(
  `${NAME_START}${NAME_WORD}(?=,[ \\u00a0]{1,2}(?:the|his|her|their)[ \\u00a0]{1,2}(?:${FAMILY_ADJECTIVES}[ \\u00a0]{1,2})?(?:${FAMILY_WORDS})\\b(?!['’]))`,
  'g',
);
// "Liam (aged 4)", "Tom Smith, aged 6", "Ellie (18 months)", "Connor (16)" (a bare number in
// brackets after a name is read as an age when it is a child's age, 1 to 17).
const AGED_NAME_RE = new RegExp(
  `${NAME_START}${NAME_WORD}(?=[ \\u00a0]{0,2}(?:\\([ \\u00a0]{0,2}aged?[ \\u00a0]{0,2}\\d|\\([ \\u00a0]{0,2}\\d{1,2}[ \\u00a0]{0,2}(?:y(?:ea)?rs?|m(?:on)?ths?|months?|weeks?|wks?|yo|y/o)\\b|\\([ \\u00a0]{0,2}(?:1[0-7]|[1-9])[ \\u00a0]{0,2}\\)|,[ \\u00a0]{0,2}aged[ \\u00a0]{1,2}\\d|[ \\u00a0]{1,2}aged[ \\u00a0]{1,2}\\d))`,
  'g',
);

// Professional titles: a titled person beside a family word is staff ("the child's GP, Dr Patel").
const PROFESSIONAL_TITLES = new Set(
  'Dr Doctor Prof Professor Cllr Councillor Supt Superintendent Insp Inspector Sgt Sergeant Det Detective Constable Judge Rev Revd Reverend Nurse Sister Matron Chief Canon Bishop Rabbi Imam Dame Sir Lord Lady'.split(
    ' ',
  ),
);

// Capitalised words that sit next to family words without being names: headings, services,
// agencies, sentence openers, calendar words and well-known places. Kept generous on purpose:
// each word here is one fewer false alarm in a scrutineer's Title Case notes.
const STOP_WORDS = new Set(
  `A An The This That These Those Their There Then Than They Them He She It Its His Her Hers Him We Our Us You Your I My Me Who Whom Whose Which What When Where Why How
And Or But Nor So Yet For Of In On At To By From With Without Within Into Onto Upon About Above Below After Before During Since Until Over Under Between Among Across Through Via Per As If Unless Although Though While Whilst Because Whether
Is Was Were Are Be Been Being Has Have Had Do Does Did Will Would Shall Should May Might Must Can Could Not No Yes All Some Any Each Every Both Either Neither Other Another Such Same Own Also Only Just Even Still Very More Most Less Least Many Much Few Several Here Now Today Tomorrow Yesterday Tonight Everyone Everybody Someone Somebody Anyone Nobody None
However Meanwhile Therefore Overall Again Instead Later Earlier Nevertheless Nonetheless Otherwise Indeed Thus Hence Afterwards Next Despite Whereas Likewise Similarly Additionally Finally Firstly Secondly Thirdly Lastly Sadly Unfortunately Importantly Notably Initially Subsequently Separately Equally Currently Previously Recently Generally Ultimately Consequently Furthermore Moreover Alternatively Clearly Encouragingly Positively Worryingly Interestingly Helpfully Frankly Honestly Briefly Usually Typically Reportedly Apparently Understandably Please Thanks Thank Note Covid Pandemic Lockdown
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March July September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Spring Summer Autumn Winter Christmas Easter Term Week Weekend Month Year Years Day Days Quarter Annual Annually Yearly Weekly Monthly Daily
Child Children Childs Mother Mothers Mum Mums Father Fathers Dad Dads Baby Babies Infant Infants Sibling Siblings Brother Brothers Sister Sisters Son Sons Daughter Daughters Parent Parents Parental Parenting Carer Carers Caring Boy Boys Girl Girls Aunt Aunts Uncle Uncles Cousin Cousins Partner Partners Family Families Grandparent Grandparents Young Person Persons People Youth Toddler Toddlers Teenager Teenagers Adolescent Adolescents Pupil Pupils Student Students Learner Learners Adult Adults Kinship Foster Fostering Adoption Adoptive Adopted Guardian Guardians Guardianship Twin Twins Newborn Newborns
Women Men Males Females Residents Victims Survivors Patients Clients Participants Respondents Individuals Cases Referrals Applicants Those Others Staff Colleagues Volunteers Members Attendees Families' Households Household Cohort Cohorts Under Over Aged Age Ages
Protection Protective Plan Plans Social Care Cared Services Service Looked After Need Needs In Early Help Team Teams Unit Units Centre Centres Center Hub Hubs Panel Panels Review Reviews Reviewing Practice Practitioner Practitioners Board Boards Partnership Partnerships Group Groups Forum Forums Front Door Health Healthy Mental Hospital Hospitals School Schools College Colleges Academy Nursery Nurseries Reception Court Courts Act Acts Commissioner Commissioners Society Trust Trusts Development Death Deaths Exploitation Sexual Criminal Missing Abuse Neglect Safeguarding Safe Safer Safety Welfare Wellbeing Well Being Voice Voices Participation Council Councils Parliament Assembly Champion Champions Rights Poverty Benefit Benefits Line Lines Centred Led First Friendly Home Homes Residential Placement Placements Contact Contacts Arrangements Sufficiency Strategy Strategic Report Reports Statement Scrutiny Scrutineer Independent Quality Assurance Audit Audits Learning Training Workforce Data Performance Dashboard Priority Priorities Recommendation Recommendations Action Actions Finding Findings Section Sections Conference Conferences Meeting Meetings Discussion Discussions Visit Visits Visiting Visitor Visitors Assessment Assessments Worker Workers Work Working Together Advocate Advocates Advocacy Officer Officers Order Orders Proceedings Legal Law Policy Policies Procedure Procedures Guidance Framework Toolkit Model Pathway Pathways Protocol Programme Programmes Program Project Projects Pilot Network Networks Matters Matter Support Supported Supporting Sure Start Special Educational Education Disability Disabilities Disabled Send Leaver Leavers Leaving Psychology Psychologist Nurse Nursing Midwife Midwives Midwifery Paediatric Paediatrics Paediatrician Doctor Doctors Designated Named Lead Leads Leader Leaders Leadership Manager Managers Management Director Directors Chair Chairs Chief Executive Executives Head Heads Headteacher Teacher Teachers Justice Offending Probation Housing Domestic Violence Substance Misuse Drug Drugs Alcohol Online Digital Exploited Trafficking Modern Slavery Harm Harmful Risk Risks Vulnerable Vulnerability Hearing Hearings Clinic Clinics Ward Wards Helpline Charity Charities Fund Funding Foundation Scheme Schemes Pledge Promise Charter Offer Survey Surveys Feedback Experience Experiences Story Stories Journey Journeys Award Awards Fair Club Clubs Scouts Guides Brigade Choir Hour Hours Talk Talks Stars Steps Bank Banks Attendance Theme Themes Response Responses Total Totals Number Numbers Bond Loss Tongue Preference Focus Focused Police Policing Constabulary Fire Rescue Ambulance Local Authority Authorities National Government Department Ministry Minister Office Bureau Agency Agencies Organisation Organisations Organization Organizations Sector Voluntary Community Communities Public Private Statutory Relevant Delegated Regional Area Areas District Districts Borough City County Town Village Region Integrated Commissioning Commissioned Provider Providers Inspection Inspections Inspectorate Ofsted Cafcass Barnardo Barnardos NSPCC Unicef Mind Kooth Childline Samaritans Refuge Aid Centred Tier Level Levels Threshold Thresholds Concern Concerns
England English Britain British Wales Welsh Scotland Scottish Ireland Irish Europe European London Leeds Bristol Hull Wigan Bolton Kent Surrey Essex Sussex Devon Cornwall Dorset Somerset Norfolk Suffolk Cumbria Durham Luton Reading Croydon Hackney Islington Camden Lambeth Southwark Barnet Brent Ealing Enfield Haringey Harrow Havering Hillingdon Hounslow Merton Newham Sutton Bexley Bromley Lewisham Coventry Derby Leicester Sheffield Nottingham Birmingham Manchester Liverpool Newcastle Sunderland Yorkshire Lancashire Eastshire Westshire Northshire Southshire
North South East West Northern Southern Eastern Western Central Upper Lower Greater Great New Old Big Little Small Large Total Overall Whole Full Part Partial Key Main Core General Specific Further Last Previous Final Current Recent Following Latest Update Updates Notes Minutes Agenda Item Items Appendix Annex Table Figure Chart Page Pages Paragraph Chapter Version Draft Issue Issues Question Questions Answer Answers Worry Worries Gone Too Judge Positive Negative Good Outstanding Requires Improvement Inadequate Excellent Strong Weak Clear Unclear Accepted Declined Partially Overdue Due Open Closed Complete Completed Verified Escalated Agreed`.split(
    /\s+/,
  ),
);

// Months that are also first names: a stop word only when a day or year follows ("June 2026").
const NAME_MONTHS = new Set(['April', 'May', 'June', 'August']);

const LY_NAMES = new Set(
  'Ally Billy Carly Dolly Ely Emily Holly Kelly Lilly Lily Milly Molly Polly Sally Shelly Tilly Beverly Kimberly'.split(
    ' ',
  ),
);
const PREPOSITION_BEFORE_RE =
  /\b(?:in|at|from|across|within|throughout|for|of|to|by|around|near|outside|inside|beyond|since|during|after|before|until)\s{1,2}$/i;

// Place-like endings make "Eastshire's children" a place's population, not a family.
const PLACE_SUFFIX_RE =
  /(?:shire|ford|field|ham|chester|cester|caster|pool|borough|brough|bury|mouth|minster|wich|worth|dale|side|bridge|port|gate|thorpe|wick|stead|ington|lees)$/;

// A family word followed by one of these is a modifier ("child protection", "parent survey").
const MODIFIER_FOLLOW_RE =
  /^[\s-]{1,2}(?:protection|sexual|criminal|exploitation|death|deaths|health|safeguarding|poverty|care|abuse|development|mental|services?|centres?|minding|minders?|benefits?|trafficking|survey|forum|voice|participation|panel|board|group|network|partnership|agenc(?:y|ies)|organisations?|carers?|champions?|led|friendly|focused|centred|in\s+need|looked|welfare|wellbeing|rights|support|programme|advocacy)\b/i;

// A name followed by a role or agency is a professional: "the child, Jo Reed (social worker)".
const ROLE_FOLLOW_RE =
  /^[ \u00a0]{0,2}[(,–—-][ \u00a0]{0,2}(?:the\s+|a\s+|an\s+|our\s+|their\s+)?(?:social\s+worker|sw\b|designated|named|police|detective|d[isc]\b|dci\b|pc\b|health\s+visitor|school\s+nurse|nurse|midwife|teacher|head|gp\b|paediatrician|consultant|doctor|team\s+manager|manager|lead\b|chair|officer|iro\b|practitioner|worker|director|senior|principal|solicitor|barrister|advocate|guardian|cafcass|priest|vicar|chaplain|imam|rabbi|councillor|inspector|sergeant|superintendent|psychologist|therapist|clinician|co-?ordinator|commissioner|deputy|assistant|business\s+unit|partnership|from\b|of\s+the\b|at\s+the\b)/i;

function isNameStop(word: string, text: string, end: number): boolean {
  if (STOP_WORDS.has(word) || PROFESSIONAL_TITLES.has(word)) return true;
  // "June 2026" is a date; "baby June" is a name.
  return NAME_MONTHS.has(word) && /^[ \u00a0]{1,2}\d/.test(text.slice(end, end + 4));
}

interface Span {
  start: number;
  end: number;
}

/**
 * Reads one to three name words at `pos`, optionally after Mr/Mrs/Ms. Returns null when the first
 * word is a stop word or a professional title, or when the words run on into a capitalised stop
 * word: then they are a proper noun such as "Eastshire Council" or a heading, not a person.
 */
function readNameForward(text: string, pos: number): Span | null {
  HONORIFIC_RE.lastIndex = pos;
  const honorific = HONORIFIC_RE.exec(text);
  let i = pos + (honorific ? honorific[0].length : 0);
  let end = -1;
  for (let count = 0; count < 3; count++) {
    NAME_WORD_STICKY_RE.lastIndex = i;
    const w = NAME_WORD_STICKY_RE.exec(text);
    if (!w) break;
    const wordEnd = i + w[0].length;
    if (isNameStop(w[0], text, wordEnd)) return null;
    // Part of a longer token ("Sarah2", "McKinsey&Co") is not a plain name.
    if (isAlnum(text.charCodeAt(wordEnd)) || text.charCodeAt(wordEnd) === 38) return null;
    end = wordEnd;
    const gap = text.charCodeAt(wordEnd);
    if (gap !== 32 && gap !== 0xa0) break;
    i = wordEnd + 1;
  }
  return end > 0 ? { start: pos, end } : null;
}

/** Extends a name span leftwards over up to two capitalised non-stop words ("Tom Smith's"). */
function extendNameBack(text: string, start: number): number {
  let s = start;
  for (let k = 0; k < 2; k++) {
    const m = NAME_WORD_END_RE.exec(text.slice(Math.max(0, s - 30), s));
    if (!m || m[1] === undefined) break;
    const wordStart = s - m[0].length;
    if (isNameStop(m[1], text, wordStart + m[1].length)) break;
    if (wordStart > 0 && isAlnum(text.charCodeAt(wordStart - 1))) break;
    s = wordStart;
  }
  const title = HONORIFIC_BEFORE_RE.exec(text.slice(Math.max(0, s - 8), s));
  return title ? s - title[0].length : s;
}

/** The single name word at `pos`, if it is one that is not a stop word. */
function nameWordAt(text: string, pos: number): string | null {
  if (pos > 0 && isAlnum(text.charCodeAt(pos - 1))) return null;
  NAME_WORD_STICKY_RE.lastIndex = pos;
  const w = NAME_WORD_STICKY_RE.exec(text);
  if (!w || isNameStop(w[0], text, pos + w[0].length)) return null;
  return w[0];
}

function findPersonNames(text: string, add: Add): void {
  findFamilyThenName(text, add);
  findNameThenFamily(text, add);
  findNameThenAppositive(text, add);
  findNameWithAge(text, add);
}

/** "mother Sarah", "the child, Tom Smith", "father (Mark)", "children Tom and Ellie". */
function findFamilyThenName(text: string, add: Add): void {
  for (const f of text.matchAll(FAMILY_RE)) {
    const word = f[0];
    const fEnd = f.index + word.length;
    // "Children's Social Care", "the child's social worker": possessive, not naming.
    const next = text.charCodeAt(fEnd);
    if (next === 39 || next === 0x2019) continue;
    const before = text.slice(Math.max(0, f.index - 12), f.index);
    // In this domain a "partner" is usually an agency; only a personal partner counts.
    if (
      /^partner/i.test(word) &&
      !/(?:['’]s|\bher|\bhis|\btheir|\bnew|\bex-?)\s{0,2}$/i.test(before)
    ) {
      continue;
    }
    // "Ward Sister Ann Lowe": a nursing title, not a sibling.
    if (/^Sisters?$/.test(word) && /(?:ward|senior|charge|night|nursing)\s$/i.test(before))
      continue;
    FAMILY_NAME_GAP_RE.lastIndex = fEnd;
    const gap = FAMILY_NAME_GAP_RE.exec(text);
    if (!gap) continue;
    const nameStart = fEnd + gap[0].length;
    const name = readNameForward(text, nameStart);
    if (!name || ROLE_FOLLOW_RE.test(text.slice(name.end, name.end + 40))) continue;
    let end = name.end;
    // "children Tom and Ellie", "siblings Amy, Jack and Ruby": follow a short list of names.
    for (let k = 0; k < 4; k++) {
      NAME_JOIN_RE.lastIndex = end;
      const join = NAME_JOIN_RE.exec(text);
      if (!join) break;
      const more = readNameForward(text, end + join[0].length);
      if (!more) break;
      end = more.end;
    }
    add('person-name', nameStart, end);
  }
}

/** "Sarah's mother", "James' older brother", "Tom Smith's dad". */
function findNameThenFamily(text: string, add: Add): void {
  for (const m of text.matchAll(POSSESSIVE_NAME_RE)) {
    const afterPos = m.index + m[0].length;
    FAMILY_STICKY_RE.lastIndex = afterPos;
    const fam = FAMILY_STICKY_RE.exec(text);
    if (!fam) continue;
    const famEnd = afterPos + fam[0].length;
    const famNext = text.charCodeAt(famEnd);
    if (famNext === 39 || famNext === 0x2019) continue; // "Barnardo's children's services"
    if (MODIFIER_FOLLOW_RE.test(text.slice(famEnd, famEnd + 30))) continue;
    const word = nameWordAt(text, m.index);
    if (!word) continue;
    // "Kirklees' partners" are agencies; a personal partner is singular.
    if (/^partners$/i.test(fam[0])) continue;
    // "Bradford's children", "Harrogate's young people": a place's population.
    if (PLACE_SUFFIX_RE.test(word) && PLURAL_FAMILY_RE.test(fam[0])) continue;
    add('person-name', extendNameBack(text, m.index), m.index + word.length);
  }
}

/** "Sarah, the mother, said", "Tom, her son". */
function findNameThenAppositive(text: string, add: Add): void {
  for (const m of text.matchAll(APPOSITIVE_NAME_RE)) {
    const word = nameWordAt(text, m.index);
    if (!word) continue;
    // "Sadly, the mother": a sentence adverb, not a name (but "Emily, the mother" is a name).
    if (/ly$/.test(word) && !LY_NAMES.has(word)) continue;
    // "In Harrogate, the children": a place or time after a preposition opens the sentence.
    if (PREPOSITION_BEFORE_RE.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    const tail = text.slice(m.index + word.length, m.index + word.length + 60);
    if (
      PLACE_SUFFIX_RE.test(word) &&
      /\b(?:people|children|babies|families|parents)\b/.test(tail)
    ) {
      continue;
    }
    add('person-name', extendNameBack(text, m.index), m.index + word.length);
  }
}

/** "Liam (aged 4)", "Tom Smith, aged 6", "Ellie (18 months)". */
function findNameWithAge(text: string, add: Add): void {
  for (const m of text.matchAll(AGED_NAME_RE)) {
    const word = nameWordAt(text, m.index);
    if (!word) continue;
    add('person-name', extendNameBack(text, m.index), m.index + word.length);
  }
}

// ---------------------------------------------------------------------------------------------
// The user-facing message: kinds and counts only, never the matched text.

const LABELS: Record<IdentifiableKind, readonly [string, string]> = {
  'nhs-number': ['an NHS number', 'NHS numbers'],
  'date-of-birth': ['a date of birth', 'dates of birth'],
  postcode: ['a UK postcode', 'UK postcodes'],
  'phone-number': ['a phone number', 'phone numbers'],
  'email-address': ['an email address', 'email addresses'],
  'person-name': ["a person's name next to a family word", "people's names next to family words"],
  'agency-case-number': ['an agency case number', 'agency case numbers'],
  'street-address': ['a street address', 'street addresses'],
};
const COUNT_WORDS = ['', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];

/**
 * "an NHS number and a UK postcode", "two phone numbers, an email address and a street address".
 * Kinds appear in the order first found in the text. Built only from kinds and counts, so it can
 * be shown or logged without leaking what was typed.
 */
export function describeMatches(matches: IdentifiableMatch[]): string {
  if (matches.length === 0) return 'no identifying details';
  const counts = new Map<IdentifiableKind, number>();
  for (const m of [...matches].sort((a, b) => a.start - b.start)) {
    counts.set(m.kind, (counts.get(m.kind) ?? 0) + 1);
  }
  const parts = [...counts].map(([kind, n]) => {
    const [one, many] = LABELS[kind];
    return n === 1 ? one : `${COUNT_WORDS[n] ?? String(n)} ${many}`;
  });
  if (parts.length === 1) return parts[0] ?? '';
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
