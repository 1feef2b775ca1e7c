import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

const template = readFileSync(new URL('./service-worker.js', import.meta.url), 'utf8');

/**
 * Emits `sw.js` with the list of every built asset, so the service worker can cache the whole
 * shell when it installs (a runtime cache would miss the files of the very first load).
 */
export function precacheServiceWorker(): Plugin {
  return {
    name: 'critical-friend-precache',
    apply: 'build',
    generateBundle(_options, bundle) {
      const shell = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/'))
        .sort()
        .map((file) => `/${file}`);
      const version = createHash('sha256').update(shell.join('\n')).digest('hex').slice(0, 12);
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: template
          .replace("'__VERSION__'", JSON.stringify(version))
          .replace("'__SHELL__'", `'${JSON.stringify(shell)}'`),
      });
    },
  };
}
