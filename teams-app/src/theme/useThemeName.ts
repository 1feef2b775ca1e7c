import { useEffect, useState } from 'react';
import { app } from '@microsoft/teams-js';
import type { HostInfo } from '../host/teamsHost';
import { chooseTheme, type ThemeName } from './chooseTheme';

function mediaMatches(query: string): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
}

function currentInputs(teamsTheme: string | undefined) {
  return {
    query: new URLSearchParams(window.location.search).get('theme'),
    teamsTheme,
    prefersDark: mediaMatches('(prefers-color-scheme: dark)'),
    forcedColors: mediaMatches('(forced-colors: active)'),
  };
}

/** The theme before Teams has answered, from `?theme=` and the browser's preferences. */
export function guessThemeName(): ThemeName {
  return chooseTheme(currentInputs(undefined));
}

/** The theme to draw with: follows Teams when hosted there, else the browser's preferences. */
export function useThemeName(host: HostInfo): ThemeName {
  const [teamsTheme, setTeamsTheme] = useState(host.teamsTheme);
  const [theme, setTheme] = useState<ThemeName>(() => chooseTheme(currentInputs(teamsTheme)));

  useEffect(() => {
    setTheme(chooseTheme(currentInputs(teamsTheme)));
  }, [teamsTheme]);

  useEffect(() => {
    if (!host.inTeams) return;
    app.registerOnThemeChangeHandler((next) => setTeamsTheme(next));
  }, [host.inTeams]);

  useEffect(() => {
    if (host.inTeams || typeof window.matchMedia !== 'function') return;
    const queries = ['(prefers-color-scheme: dark)', '(forced-colors: active)'].map((q) =>
      window.matchMedia(q),
    );
    const update = () => setTheme(chooseTheme(currentInputs(undefined)));
    queries.forEach((q) => q.addEventListener('change', update));
    return () => queries.forEach((q) => q.removeEventListener('change', update));
  }, [host.inTeams]);

  return theme;
}
