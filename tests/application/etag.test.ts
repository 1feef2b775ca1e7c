import { describe, expect, it } from 'vitest';
import { RequestError } from '../../src/application/errors.js';
import { ConflictError, type StoredItem } from '../../src/application/ports/repository.js';
import { assertCurrent, requireIfMatch } from '../../src/application/use-cases/etag.js';

describe('optimistic concurrency helpers', () => {
  it('require an If-Match value, refusing a missing or blank one with 428', () => {
    expect(requireIfMatch(' "abc,2" ')).toBe('"abc,2"');
    for (const value of [undefined, '', '   ']) {
      let caught: unknown;
      try {
        requireIfMatch(value);
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(RequestError);
      expect(caught).toMatchObject({ status: 428, code: 'precondition-required' });
    }
  });

  it('refuse a stale etag as a conflict', () => {
    const item = { id: 'abc', etag: '"abc,2"' } as StoredItem<'findings'>;
    expect(() => assertCurrent('findings', item, '"abc,2"')).not.toThrow();
    expect(() => assertCurrent('findings', item, '"abc,1"')).toThrow(ConflictError);
  });
});
