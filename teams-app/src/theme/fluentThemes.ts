import { useEffect, useState } from 'react';
import type { Theme } from '@fluentui/react-components';
import type { ThemeName } from './chooseTheme';

// One chunk per theme: a page only downloads the theme it draws with.
const loaders: Record<ThemeName, () => Promise<{ theme: Theme }>> = {
  light: () => import('./themes/light'),
  dark: () => import('./themes/dark'),
  contrast: () => import('./themes/contrast'),
};

const loaded = new Map<ThemeName, Theme>();
const pending = new Map<ThemeName, Promise<Theme>>();

/** Starts (or joins) the download of a theme; safe to call early to overlap it with start-up. */
export function loadFluentTheme(name: ThemeName): Promise<Theme> {
  let promise = pending.get(name);
  if (!promise) {
    promise = loaders[name]().then(({ theme }) => {
      loaded.set(name, theme);
      return theme;
    });
    // A failed download may be retried on the next change.
    promise.catch(() => pending.delete(name));
    pending.set(name, promise);
  }
  return promise;
}

export interface ShownTheme {
  name: ThemeName;
  theme: Theme;
}

/** The theme to draw with: the requested one once downloaded, until then the one already shown. */
export function useFluentTheme(name: ThemeName): ShownTheme | null {
  const [shown, setShown] = useState<ShownTheme | null>(() => {
    const theme = loaded.get(name);
    return theme ? { name, theme } : null;
  });

  useEffect(() => {
    let live = true;
    const theme = loaded.get(name);
    if (theme) {
      setShown({ name, theme });
      return;
    }
    loadFluentTheme(name).then(
      (next) => {
        if (live) setShown({ name, theme: next });
      },
      () => {
        // The chunk could not be fetched: keep the theme already shown, else try light.
        void loadFluentTheme('light').then((light) => {
          if (live) setShown((current) => current ?? { name: 'light', theme: light });
        });
      },
    );
    return () => {
      live = false;
    };
  }, [name]);

  return shown;
}
