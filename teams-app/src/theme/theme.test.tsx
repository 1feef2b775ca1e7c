import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, render, waitFor } from '@testing-library/react';
import { app } from '@microsoft/teams-js';
import { App } from '../app/App';
import { mockFetch } from '../test/fetchMock';
import { chooseTheme } from './chooseTheme';

vi.mock('@microsoft/teams-js', () => import('../test/teamsJsMock'));

const standalone = { prefersDark: false, forcedColors: false };

describe('chooseTheme', () => {
  it('follows the Teams theme when hosted in Teams', () => {
    expect(chooseTheme({ ...standalone, teamsTheme: 'default' })).toBe('light');
    expect(chooseTheme({ ...standalone, teamsTheme: 'dark' })).toBe('dark');
    expect(chooseTheme({ ...standalone, teamsTheme: 'contrast' })).toBe('contrast');
    // Teams wins over the operating system's preference.
    expect(chooseTheme({ prefersDark: true, forcedColors: false, teamsTheme: 'default' })).toBe(
      'light',
    );
  });

  it('follows the browser outside Teams', () => {
    expect(chooseTheme(standalone)).toBe('light');
    expect(chooseTheme({ ...standalone, prefersDark: true })).toBe('dark');
    expect(chooseTheme({ prefersDark: true, forcedColors: true })).toBe('contrast');
  });

  it('lets ?theme= override everything, and ignores unknown values', () => {
    expect(chooseTheme({ ...standalone, teamsTheme: 'dark', query: 'contrast' })).toBe('contrast');
    expect(chooseTheme({ ...standalone, teamsTheme: 'dark', query: 'purple' })).toBe('dark');
  });
});

function teamsContext(theme: string, frameContext: string) {
  // Only the fields the tab reads; the rest of the context is irrelevant here.
  return { app: { theme }, page: { frameContext } } as unknown as app.Context;
}

function themeOf(container: HTMLElement): string | null | undefined {
  return container.querySelector('[data-theme]')?.getAttribute('data-theme');
}

describe('theme in Teams', () => {
  beforeEach(() => {
    mockFetch({ 'GET /auth/config': { status: 200, body: { mode: 'entra' } } });
    vi.mocked(app.initialize).mockResolvedValue(undefined);
  });

  it('uses the context theme, follows changes, and tells Teams the tab loaded', async () => {
    vi.mocked(app.getContext).mockResolvedValue(teamsContext('dark', 'content'));
    const { container } = render(<App />);

    await waitFor(() => expect(themeOf(container)).toBe('dark'));
    const handler = vi.mocked(app.registerOnThemeChangeHandler).mock.calls[0]?.[0];
    expect(handler).toBeTypeOf('function');
    act(() => handler?.('contrast'));
    // Each theme is its own chunk, so the switch lands once it has loaded.
    await waitFor(() => expect(themeOf(container)).toBe('contrast'));
    await waitFor(() => expect(app.notifySuccess).toHaveBeenCalledTimes(1));
  });

  it('lets ?theme= override the Teams theme', async () => {
    vi.mocked(app.getContext).mockResolvedValue(teamsContext('default', 'content'));
    window.history.replaceState(null, '', '/tracker?theme=dark');
    const { container } = render(<App />);
    await waitFor(() => expect(themeOf(container)).toBe('dark'));
  });
});
