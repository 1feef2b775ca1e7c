import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('card delivery configuration', () => {
  it('defaults to 40 cards a second (Teams allows 50), a burst of 4, no chat lookup', () => {
    expect(loadConfig({}).delivery).toEqual({
      ratePerSecond: 40,
      burst: 4,
      sendTimeoutMs: 15_000,
      leaseMs: 60_000,
      settleMs: 60_000,
      reconcileWindowMs: 900_000,
      lookup: { kind: 'none' },
    });
  });

  it('reads the rate and derives the burst from it', () => {
    expect(loadConfig({ SEND_RATE_PER_SECOND: '25' }).delivery).toMatchObject({
      ratePerSecond: 25,
      burst: 2,
    });
    expect(loadConfig({ SEND_RATE_PER_SECOND: '5', SEND_BURST: '3' }).delivery.burst).toBe(3);
  });

  it('refuses a rate that is not a positive number', () => {
    for (const bad of ['0', '-1', 'fast']) {
      expect(() => loadConfig({ SEND_RATE_PER_SECOND: bad })).toThrow(ConfigError);
    }
  });

  it('turns on the Graph chat lookup only with the app id it needs', () => {
    expect(() => loadConfig({ CARD_LOOKUP: 'graph' })).toThrow(/TEAMS_APP_ID/);
    expect(() => loadConfig({ CARD_LOOKUP: 'maybe' })).toThrow(/CARD_LOOKUP/);
    expect(loadConfig({ CARD_LOOKUP: 'graph', TEAMS_APP_ID: 'app-1' }).delivery.lookup).toEqual({
      kind: 'graph',
      graphUrl: 'https://graph.microsoft.com',
      teamsAppId: 'app-1',
    });
  });
});
