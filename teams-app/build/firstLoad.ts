/**
 * Shapes the side panel's first load: one chunk for everything the side panel needs beyond the
 * entry (instead of a dozen small shared chunks, which compress worse and cost a request each),
 * and each Fluent theme as a plain object computed at build time (the theme's source builds it
 * from palettes at runtime, which weighs twice as much).
 */
import type { Plugin } from 'vite';

interface ModuleGraph {
  getModuleInfo(id: string): { importedIds: readonly string[] } | null;
  getModuleIds(): IterableIterator<string>;
}

function staticClosure(graph: ModuleGraph, start: string): Set<string> {
  const seen = new Set<string>();
  const queue = [start];
  while (queue.length) {
    const id = queue.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(graph.getModuleInfo(id)?.importedIds ?? []));
  }
  return seen;
}

/**
 * Two chunk groups for `build.rolldownOptions.output.codeSplitting.groups`: `app` (everything the
 * entry imports statically) and `side-panel` (what the side panel view adds). The plugin fills
 * in the module sets once the graph is known.
 */
export function firstLoadChunks(options: { entry: string; view: string }): {
  plugin: Plugin;
  groups: { name: string; test?: (id: string) => boolean; tags?: '$initial'[]; priority: number }[];
} {
  let app = new Set<string>();
  let view = new Set<string>();
  let base = '/';
  const plugin: Plugin = {
    name: 'critical-friend:first-load-chunks',
    apply: 'build',
    configResolved(config) {
      base = config.base;
    },
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const entryId = ids.find((id) => id.endsWith(options.entry));
      const viewId = ids.find((id) => id.endsWith(options.view));
      if (!entryId || !viewId) {
        this.warn(`first-load chunks: ${options.entry} or ${options.view} is not in the graph`);
        return;
      }
      app = staticClosure(this, entryId);
      view = new Set([...staticClosure(this, viewId)].filter((id) => !app.has(id)));
    },
    // Every view imports the side-panel chunk, so the page fetches it beside the entry.
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const chunk = Object.values(ctx.bundle ?? {}).find(
          (out) => out.type === 'chunk' && out.moduleIds.some((id) => id.endsWith(options.view)),
        );
        if (!chunk) return;
        return [
          {
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `${base}${chunk.fileName}` },
            injectTo: 'head',
          },
        ];
      },
    },
  };
  return {
    plugin,
    groups: [
      { name: 'app', tags: ['$initial'], priority: 2 },
      { name: 'side-panel', test: (id) => view.has(id), priority: 1 },
    ],
  };
}

const THEME_MODULE = /^export \{ (\w+) as theme \} from (['"])@fluentui\/react-components\2;?\s*$/;
const SCANNING = 'CRITICAL_FRIEND_THEME_SCAN';
// Modules through which code could read tokens by name at runtime; if shipped, keep every token.
const DYNAMIC_TOKEN_USE = [
  '/@fluentui/tokens/lib/tokens.js',
  '/@fluentui/tokens/lib/themeToTokensObject.js',
];

/**
 * The CSS variables the built tab reads (`var(--name`), from a first, in-memory build of the
 * same config; null means keep every token.
 */
async function tokensReadByBuild(
  configFile: string,
  isTheme: (id: string) => boolean,
): Promise<Set<string> | null> {
  process.env[SCANNING] = '1';
  try {
    const { build } = await import('vite');
    const result = await build({
      configFile,
      logLevel: 'silent',
      build: { write: false, minify: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]).flatMap((r) =>
      'output' in r ? r.output : [],
    );
    const used = new Set<string>();
    for (const out of outputs) {
      if (out.type === 'chunk') {
        if (out.moduleIds.some((id) => DYNAMIC_TOKEN_USE.some((m) => id.endsWith(m)))) return null;
        if (out.moduleIds.some(isTheme)) continue;
      }
      const text = out.type === 'chunk' ? out.code : String(out.source);
      for (const match of text.matchAll(/var\(--([A-Za-z0-9_-]+)/g)) used.add(match[1] ?? '');
    }
    return used;
  } finally {
    delete process.env[SCANNING];
  }
}

/**
 * Modules that are only `export { teamsLightTheme as theme } from '@fluentui/react-components';`
 * become the theme's values, cut down to the tokens the built tab's CSS reads (FluentProvider
 * writes every token it is given as a CSS variable).
 */
export function precomputedThemes(options: { include: (id: string) => boolean }): Plugin {
  let used: Set<string> | null = null;
  let configFile: string | undefined;
  const isTheme = (id: string) => options.include(id.split('?')[0] ?? id);
  return {
    name: 'critical-friend:precomputed-themes',
    apply: 'build',
    configResolved(config) {
      configFile = config.configFile;
    },
    async buildStart() {
      // The first build (below) runs this config too; it keeps whole themes.
      used = null;
      if (!process.env[SCANNING] && configFile) used = await tokensReadByBuild(configFile, isTheme);
    },
    async transform(code, id) {
      const name = isTheme(id) ? THEME_MODULE.exec(code)?.[1] : null;
      if (!name) return null;
      const fluent = (await import('@fluentui/react-components')) as Record<string, unknown>;
      const theme = fluent[name];
      const entries = typeof theme === 'object' && theme !== null ? Object.entries(theme) : [];
      if (
        entries.length === 0 ||
        entries.some(([, v]) => typeof v !== 'string' && typeof v !== 'number')
      ) {
        this.error(`${name} is not a Fluent theme of strings and numbers`);
      }
      const kept = used ? entries.filter(([key]) => used?.has(key)) : entries;
      const json = JSON.stringify(Object.fromEntries(kept));
      return { code: `export const theme = ${json};\n`, map: { mappings: '' } };
    },
  };
}
