import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/server/config.js';

describe('HOLIDAY_SOURCE', () => {
  it('defaults to the date-holidays rules', () => {
    expect(loadConfig({}).holidaySource).toBe('date-holidays');
  });

  it('takes gov-uk or date-holidays', () => {
    expect(loadConfig({ HOLIDAY_SOURCE: 'gov-uk' }).holidaySource).toBe('gov-uk');
    expect(loadConfig({ HOLIDAY_SOURCE: 'date-holidays' }).holidaySource).toBe('date-holidays');
  });

  it('refuses anything else, naming the choices', () => {
    expect(() => loadConfig({ HOLIDAY_SOURCE: 'govuk' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOLIDAY_SOURCE: 'govuk' })).toThrow(/"date-holidays" or "gov-uk"/);
  });
});
