import { describe, expect, it } from 'vitest';
import {
  describeMatches,
  findIdentifiableData,
  isValidNhsNumber,
  type IdentifiableKind,
  type IdentifiableMatch,
} from '../../../src/domain/guard/index.js';
import { negatives, positives } from './corpus.js';

/** Kind and matched text, for readable assertions (tests may quote; the product never does). */
function found(text: string): { kind: IdentifiableKind; text: string }[] {
  return findIdentifiableData(text).map((m) => ({
    kind: m.kind,
    text: text.slice(m.start, m.end),
  }));
}

function kindsIn(text: string): IdentifiableKind[] {
  return findIdentifiableData(text).map((m) => m.kind);
}

describe('NHS numbers', () => {
  it('applies the modulus 11 check (weights 10..2)', () => {
    // 9*10+9*9+9*8+5*7+2*6+6*5+0*4+1*3+8*2 = 339; 339 mod 11 = 9; 11 - 9 = 2.
    expect(isValidNhsNumber('9995260182')).toBe(true);
    expect(isValidNhsNumber('999 526 0182')).toBe(true);
    expect(isValidNhsNumber('999-526-0182')).toBe(true);
    expect(isValidNhsNumber('9995260183')).toBe(false); // wrong check digit
  });

  it('treats a check result of 11 as 0', () => {
    // 9*10+9*9+9*8+0*7+0*6+0*5+0*4+0*3+5*2 = 253 = 11*23, so 11 - 0 = 11, which becomes 0.
    expect(isValidNhsNumber('9990000050')).toBe(true);
    expect(isValidNhsNumber('9990000051')).toBe(false);
    // 9*10+9*9+9*8+0*7+3*6+0*5+8*4+2*3+4*2 = 307 = 11*27 + 10, so 11 - 10 = 1.
    expect(isValidNhsNumber('9990308241')).toBe(true);
  });

  it('rejects numbers whose check would be 10', () => {
    for (const n of ['9995559790', '9997114710', '9990497460']) {
      expect(isValidNhsNumber(n)).toBe(false);
      expect(kindsIn(`Number ${n} was quoted.`)).not.toContain('nhs-number');
    }
  });

  it('finds plain, spaced and hyphenated forms and spans exactly the number', () => {
    expect(found('NHS number 999 526 0182 was quoted.')).toEqual([
      { kind: 'nhs-number', text: '999 526 0182' },
    ]);
    expect(found('Quoted as 9991590838.')).toEqual([{ kind: 'nhs-number', text: '9991590838' }]);
    expect(found('Quoted as 999-016-6137 today.')).toEqual([
      { kind: 'nhs-number', text: '999-016-6137' },
    ]);
  });

  it('does not flag 10-digit numbers that fail the check, nor placeholders', () => {
    expect(kindsIn('Figure 1234567890 in the table.')).toEqual([]);
    expect(kindsIn('Placeholder 0000000000 in the form.')).toEqual([]);
    expect(kindsIn('11-digit 99952601820 is not an NHS number.')).not.toContain('nhs-number');
  });
});

describe('dates of birth', () => {
  it.each([
    ['DOB 03/04/2019 recorded', '03/04/2019'],
    ['D.O.B.: 3.4.19', '3.4.19'],
    ['date of birth 3 April 2019', '3 April 2019'],
    ['born on April 3rd 2019', 'April 3rd 2019'],
    ['born 2019-04-03 at home', '2019-04-03'],
    ['the infant (b. 3/4/19) was seen', '3/4/19'],
    ['14/02/2020 (DOB) on the form', '14/02/2020'],
  ])('finds %j', (text, date) => {
    expect(found(text)).toEqual([{ kind: 'date-of-birth', text: date }]);
  });

  it('does not flag ordinary dates', () => {
    expect(kindsIn('the meeting on 3 April 2026')).toEqual([]);
    expect(kindsIn('the draft is due 2026-05-01')).toEqual([]);
    expect(kindsIn('reviewed on 21/05/2026 by the IRO')).toEqual([]);
    expect(kindsIn('Born in Bradford research was cited; the next meeting is 3 May 2026.')).toEqual(
      [],
    );
  });

  it('keeps the birth word within the same sentence', () => {
    expect(kindsIn('Baby T was born early. The review met on 3 April 2026.')).toEqual([]);
  });
});

describe('UK postcodes', () => {
  it.each(['LS1 4AP', 'SW1A 1AA', 'M1 1AE', 'ls1 4ap', 'EC1A1BB', 'DN55 1PT', 'B33 8TH'])(
    'finds %s',
    (postcode) => {
      expect(found(`They moved to ${postcode} in May.`)).toEqual([
        { kind: 'postcode', text: postcode },
      ]);
    },
  );

  it('does not flag outward codes alone or look-alikes', () => {
    expect(kindsIn('Families across LS1 and LS2 were included.')).toEqual([]);
    expect(kindsIn('Q3 2026/27 data and WT2023 duties.')).toEqual([]);
    expect(kindsIn('Y10 2nd term and S47 1st visits.')).toEqual([]);
  });
});

describe('UK phone numbers', () => {
  it.each([
    '07700 900123',
    '07700-900456',
    '07700900999',
    '01632 960123',
    '(01632) 960 987',
    '020 7946 0321',
    '+44 7700 900789',
    '+44 (0)20 7946 0555',
    '0044 7700 900 111',
  ])('finds %s', (phone) => {
    expect(found(`Call ${phone} after 4pm.`)).toEqual([{ kind: 'phone-number', text: phone }]);
  });

  it('does not flag times, dates, counts or too-short numbers', () => {
    expect(kindsIn('At 07:30 on 01/04/2026, 2,034 contacts; 0-18 service; 07700 9001.')).toEqual(
      [],
    );
  });
});

describe('email addresses', () => {
  it('finds addresses and spans the whole address', () => {
    expect(found('Write to sarah.jones@mail.example, please.')).toEqual([
      { kind: 'email-address', text: 'sarah.jones@mail.example' },
    ]);
    expect(found('<j.bloggs+school@student.example>')).toEqual([
      { kind: 'email-address', text: 'j.bloggs+school@student.example' },
    ]);
  });

  it('does not flag Teams mentions', () => {
    expect(kindsIn('@Scrutineer please pick this up.')).toEqual([]);
  });
});

describe('names next to family words', () => {
  it.each([
    ['mother Sarah said', 'Sarah'],
    ["Sarah's mother said", 'Sarah'],
    ['the child, Tom Smith, said', 'Tom Smith'],
    ['baby Ellie was seen', 'Ellie'],
    ['sibling Jack was seen', 'Jack'],
    ['father (Mark) did not attend', 'Mark'],
    ['stepdad Ryan was present', 'Ryan'],
    ['grandmother Joan cares for them', 'Joan'],
    ['the boy Liam was not seen alone', 'Liam'],
    ['Liam (aged 4) was at nursery', 'Liam'],
    ["mother's partner Dave was present", 'Dave'],
    ['Ellie, the baby, was seen', 'Ellie'],
    ['the foster carer Mrs Jones', 'Mrs Jones'],
    ['Mum (Kelly) said she felt judged', 'Kelly'],
    ['Emily, the mother, said', 'Emily'],
    ['mother Zoë said', 'Zoë'],
  ])('finds the name in %j', (text, name) => {
    expect(found(text)).toEqual([{ kind: 'person-name', text: name }]);
  });

  it.each([
    'Child J was seen alone.',
    'Child AB and Baby T were seen.',
    'Sibling 2 was not assessed.',
    'Mother of Child J attended.',
    'Young Person K told the IRO.',
    'DI Sarah Khan (Eastshire Constabulary) presented.',
    'Dr Amir Patel, designated doctor, spoke.',
    'the social worker, Jo Reed, explained.',
    'Superintendent Ann Lowe said the force would act.',
    'chaired by Councillor Pat Green.',
    "Children's Social Care and the Child Protection Plan.",
    'The Mother and baby unit and Looked After Children.',
    'Police partner DCI Tom Hughes agreed.',
    'Sadly, the mother was not told.',
    'In Harrogate, the children were seen quickly.',
    "Kirklees' partners agreed the plan.",
  ])('allows %j', (text) => {
    expect(kindsIn(text)).toEqual([]);
  });
});

describe('agency case numbers', () => {
  it.each([
    ['LCS ref 123456', '123456'],
    ['case no. 4567890', '4567890'],
    ['CRN 12345678', '12345678'],
    ['Mosaic ID 1234567', '1234567'],
    ['crime ref 13/123456/24', '13/123456/24'],
    ['NHS ref RX1-456789', 'RX1-456789'],
  ])('finds %j', (text, id) => {
    expect(found(`The paper quoted ${text} twice.`)).toEqual([
      { kind: 'agency-case-number', text: id },
    ]);
  });

  it('allows partnership codes, years and short numbers', () => {
    expect(kindsIn('Case ref HSCP-C-2026-14 and recommendation ref HSCP-R-2026-07.')).toEqual([]);
    expect(kindsIn('Terms of reference 2025-2026; ref 2025/26; case 14.')).toEqual([]);
    expect(kindsIn('Reference 03/04/2026 in the minutes.')).toEqual([]);
  });
});

describe('street addresses', () => {
  it.each(['14 Acacia Avenue', '22 Station Road', '3a Church Lane', "7 St Mary's Close"])(
    'finds %s',
    (address) => {
      expect(found(`They live at ${address} now.`)).toEqual([
        { kind: 'street-address', text: address },
      ]);
    },
  );

  it('allows courts, events and numbered things', () => {
    expect(kindsIn('3 Family Court hearings were adjourned.')).toEqual([]);
    expect(kindsIn('Pupils in Year 7 Green Lane Academy.')).toEqual([]);
  });
});

describe('ordinary figures', () => {
  it('allows counts, money, percentages, dates, years and times', () => {
    const text =
      '12 children were seen on 3 April 2026; £650 per day; 2,034 contacts; 85%; Q3 2026/27; WT2023; Section 47; 10:30; HSCP-C-2026-14.';
    expect(findIdentifiableData(text)).toEqual([]);
  });
});

describe('findIdentifiableData output', () => {
  it('is sorted by start and non-overlapping, with offsets inside the text', () => {
    const text =
      'Mother Sarah (07700 900123, sarah.jones@mail.example) lives at 14 Acacia Avenue, LS1 4AP; NHS 999 526 0182; DOB 03/04/2019; LCS ref 123456.';
    const matches = findIdentifiableData(text);
    expect(matches.map((m) => m.kind)).toEqual([
      'person-name',
      'phone-number',
      'email-address',
      'street-address',
      'postcode',
      'nhs-number',
      'date-of-birth',
      'agency-case-number',
    ]);
    for (let i = 0; i < matches.length; i++) {
      const m = matches[i] as IdentifiableMatch;
      expect(m.start).toBeGreaterThanOrEqual(0);
      expect(m.end).toBeLessThanOrEqual(text.length);
      expect(m.end).toBeGreaterThan(m.start);
      const prev = matches[i - 1];
      if (prev) expect(m.start).toBeGreaterThanOrEqual(prev.end);
    }
  });

  it('returns nothing for empty text and survives pathological input', () => {
    expect(findIdentifiableData('')).toEqual([]);
    for (const text of [
      'a'.repeat(4000),
      'A'.repeat(4000),
      '1'.repeat(4000),
      '@'.repeat(4000),
      'a@'.repeat(2000),
      '0 '.repeat(2000),
      'Mother '.repeat(600),
      '1 Aaa '.repeat(700),
      '1/'.repeat(2000),
    ]) {
      expect(Array.isArray(findIdentifiableData(text))).toBe(true);
    }
  });
});

describe('describeMatches', () => {
  const at = (kind: IdentifiableKind, start: number): IdentifiableMatch => ({
    kind,
    start,
    end: start + 1,
  });

  it('names the kinds in the order found', () => {
    expect(describeMatches([at('nhs-number', 0), at('postcode', 5)])).toBe(
      'an NHS number and a UK postcode',
    );
    expect(describeMatches([at('postcode', 9), at('phone-number', 0), at('phone-number', 3)])).toBe(
      'two phone numbers and a UK postcode',
    );
    expect(
      describeMatches([at('email-address', 0), at('person-name', 4), at('street-address', 8)]),
    ).toBe("an email address, a person's name next to a family word and a street address");
    expect(describeMatches([])).toBe('no identifying details');
  });

  it('never quotes the matched text', () => {
    for (const { text } of positives) {
      const message = describeMatches(findIdentifiableData(text));
      for (const m of findIdentifiableData(text)) {
        expect(message).not.toContain(text.slice(m.start, m.end));
      }
    }
  });
});

describe('corpus', () => {
  it('has enough labelled examples', () => {
    expect(positives.length).toBeGreaterThanOrEqual(60);
    expect(negatives.length).toBeGreaterThanOrEqual(60);
  });

  it('uses only fictional data (999 NHS numbers, Ofcom drama numbers, .example emails)', () => {
    for (const { text } of positives) {
      for (const m of findIdentifiableData(text)) {
        const value = text.slice(m.start, m.end);
        if (m.kind === 'nhs-number') expect(value.replace(/\D/g, '')).toMatch(/^999/);
        if (m.kind === 'email-address') expect(value).toMatch(/\.example$/);
        if (m.kind === 'phone-number') {
          const national = value
            .replace(/\D/g, '')
            .replace(/^(?:0044|44)/, '')
            .replace(/^0/, '');
          expect(national).toMatch(/^(?:7700900|1632960|2079460)\d{3}$/);
        }
      }
    }
  });

  it('meets recall >= 0.95 and false-alarm rate <= 0.05', () => {
    const missed = positives.filter(
      ({ text, kind }) => !findIdentifiableData(text).some((m) => m.kind === kind),
    );
    const alarms = negatives.filter((text) => findIdentifiableData(text).length > 0);
    const recall = (positives.length - missed.length) / positives.length;
    const falseAlarmRate = alarms.length / negatives.length;
    console.log(
      `identifiable-data guard: recall ${recall.toFixed(3)} (${positives.length - missed.length}/${positives.length}), ` +
        `false-alarm rate ${falseAlarmRate.toFixed(3)} (${alarms.length}/${negatives.length})`,
    );
    expect(recall).toBeGreaterThanOrEqual(0.95);
    expect(falseAlarmRate).toBeLessThanOrEqual(0.05);
  });
});
