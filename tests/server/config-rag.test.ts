import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('RAG_STALE_WEEKS', () => {
  it('defaults to 6 weeks and takes a whole number from 1 to 52', () => {
    expect(loadConfig({}).ragRules).toEqual({ staleAfterWeeks: 6 });
    expect(loadConfig({ RAG_STALE_WEEKS: '' }).ragRules).toEqual({ staleAfterWeeks: 6 });
    expect(loadConfig({ RAG_STALE_WEEKS: '1' }).ragRules).toEqual({ staleAfterWeeks: 1 });
    expect(loadConfig({ RAG_STALE_WEEKS: '52' }).ragRules).toEqual({ staleAfterWeeks: 52 });
  });

  it('refuses anything else, saying what it should be', () => {
    for (const bad of ['0', '53', '4.5', 'six', '-3', '1e1'])
      expect(() => loadConfig({ RAG_STALE_WEEKS: bad }), bad).toThrow(ConfigError);
    expect(() => loadConfig({ RAG_STALE_WEEKS: 'six' })).toThrow(
      /RAG_STALE_WEEKS must be a whole number of weeks from 1 to 52.*"six"/,
    );
  });
});
