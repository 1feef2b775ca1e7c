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
 * `sidePanelChunk.test` belongs in `build.rolldownOptions.output.codeSplitting.groups`; the
 * plugin fills in the module set once the graph is known.
 */
export function sidePanelChunk(options: { entry: string; view: string }): {
  plugin: Plugin;
  test: (id: string) => boolean;
} {
  let captured = new Set<string>();
  const plugin: Plugin = {
    name: 'critical-friend:side-panel-chunk',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const entry = ids.find((id) => id.endsWith(options.entry));
      const view = ids.find((id) => id.endsWith(options.view));
      if (!entry || !view) {
        this.warn(`side-panel chunk: ${options.entry} or ${options.view} not in the graph`);
        return;
      }
      const first = staticClosure(this, entry);
      captured = new Set([...staticClosure(this, view)].filter((id) => !first.has(id)));
    },
  };
  return { plugin, test: (id) => captured.has(id) };
}

const THEME_MODULE = /^export \{ (\w+) as theme \} from '@fluentui\/react-components';\s*$/;

/** Modules that are only `export { teamsLightTheme as theme } from '@fluentui/react-components';`. */
export function precomputedThemes(options: { include: (id: string) => boolean }): Plugin {
  return {
    name: 'critical-friend:precomputed-themes',
    apply: 'build',
    async transform(code, id) {
      if (id.includes('themes/')) console.log('THEME', id, JSON.stringify(code));
      const name = options.include(id.split('?')[0] ?? id) ? THEME_MODULE.exec(code)?.[1] : null;
      if (!name) return null;
      const fluent = (await import('@fluentui/react-components')) as Record<string, unknown>;
      const theme = fluent[name];
      const values = typeof theme === 'object' && theme !== null ? Object.values(theme) : [];
      if (values.length === 0 || values.some((v) => typeof v !== 'string' && typeof v !== 'number')) {
        this.error(`${name} is not a Fluent theme of strings and numbers`);
      }
      return { code: `export const theme = ${JSON.stringify(theme)};\n`, map: { mappings: '' } };
    },
  };
}
