export const themeNames = ['light', 'dark', 'contrast'] as const;
export type ThemeName = (typeof themeNames)[number];

export interface ThemeInputs {
  /** The `?theme=` query value, if any (an override for tests and demos). */
  query?: string | null;
  /** The Teams theme from the context or the change handler. */
  teamsTheme?: string;
  prefersDark: boolean;
  forcedColors: boolean;
}

function isThemeName(value: string | null | undefined): value is ThemeName {
  return (themeNames as readonly string[]).includes(value ?? '');
}

/** Teams says `default` for light; anything unknown falls back to light. */
export function themeFromTeams(teamsTheme: string): ThemeName {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}

export function chooseTheme(inputs: ThemeInputs): ThemeName {
  if (isThemeName(inputs.query)) return inputs.query;
  if (inputs.teamsTheme) return themeFromTeams(inputs.teamsTheme);
  if (inputs.forcedColors) return 'contrast';
  return inputs.prefersDark ? 'dark' : 'light';
}
