import { describe, expect, it } from 'vitest';
import { patchSchema } from '../../src/application/patch-schema.js';
import { parse } from '../../src/application/validation.js';

const schema = patchSchema('observations', ['text', 'lineOfEnquiry', 'source']);

describe('patchSchema', () => {
  it('accepts any one field, trims text, and lets an optional field be cleared', () => {
    expect(parse(schema, { text: '  Seen at the SLG. ' })).toEqual({
      ok: true,
      value: { text: 'Seen at the SLG.' },
    });
    expect(parse(schema, { lineOfEnquiry: null })).toEqual({
      ok: true,
      value: { lineOfEnquiry: null },
    });
  });

  it('refuses an empty change, unknown fields and clearing a required field', () => {
    const empty = parse(schema, {});
    expect(empty.ok ? [] : empty.issues.map((i) => i.message)).toEqual([
      'Send at least one of: text, lineOfEnquiry, source.',
    ]);
    expect(parse(schema, { status: 'promoted' }).ok).toBe(false);
    expect(parse(schema, { source: null }).ok).toBe(false);
    expect(parse(schema, { text: '' }).ok).toBe(false);
  });
});
