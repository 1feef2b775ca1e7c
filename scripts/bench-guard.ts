/**
 * Times the identifiable-data guard on 4,000-character texts (the size of a long observation),
 * each beside a baseline on the same text: one tokenising regex pass (`/\S+/g`), the least any
 * checker of free text does. Run alone with: node --import tsx scripts/bench-guard.ts
 * (`npm run bench` includes it).
 *
 * Not a test: timings vary by machine, so this prints figures instead of asserting them. The
 * target is well under 1 ms per text, so the tab can check on every keystroke.
 */
import { pathToFileURL } from 'node:url';
import { findIdentifiableData } from '../src/domain/guard/index.js';
import { negatives, positives } from '../tests/domain/guard/corpus.js';

const LENGTH = 4000;

/** Repeats `sentences` until the text is exactly `LENGTH` characters. */
function build(sentences: readonly string[]): string {
  let text = '';
  for (let i = 0; text.length < LENGTH; i++) text += `${sentences[i % sentences.length] ?? ''} `;
  return text.slice(0, LENGTH);
}

function texts(): Record<string, string> {
  const mixed: string[] = [];
  negatives.forEach((n, i) => {
    mixed.push(n);
    const p = positives[i];
    if (i % 4 === 0 && p) mixed.push(p.text);
  });
  return {
    'realistic observation (no identifiers)': build(negatives),
    'observation with identifiers mixed in': build(mixed),
    'every sentence identifying': build(positives.map((p) => p.text)),
    'pathological: one long word': 'a'.repeat(LENGTH),
    'pathological: digits': '1'.repeat(LENGTH),
    'pathological: "0 " repeated': '0 '.repeat(LENGTH / 2),
    'pathological: "a@" repeated': 'a@'.repeat(LENGTH / 2),
    'pathological: family words': 'mother Sarah '.repeat(Math.ceil(LENGTH / 13)).slice(0, LENGTH),
  };
}

function tokenise(text: string): number {
  return text.match(/\S+/g)?.length ?? 0;
}

function meanMs(work: () => unknown, runs: number): number {
  for (let i = 0; i < Math.min(100, runs); i++) work(); // warm up the JIT and regex caches
  const started = performance.now();
  for (let i = 0; i < runs; i++) work();
  return (performance.now() - started) / runs;
}

export interface GuardTiming {
  label: string;
  chars: number;
  matches: number;
  guardMs: number;
  baselineMs: number;
}

/** Mean time per text for the guard and for the baseline, measured back to back. */
export function guardTimings(runs = 1000): GuardTiming[] {
  return Object.entries(texts()).map(([label, text]) => {
    const guardMs = meanMs(() => findIdentifiableData(text), runs);
    const baselineMs = meanMs(() => tokenise(text), runs);
    return {
      label,
      chars: text.length,
      matches: findIdentifiableData(text).length,
      guardMs,
      baselineMs,
    };
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const RUNS = 1000;
  for (const t of guardTimings(RUNS)) {
    console.log(
      `${t.label.padEnd(42)} ${t.chars} chars  ${t.guardMs.toFixed(3)} ms mean over ${RUNS} runs  ` +
        `(${t.matches} matches; tokenising pass ${t.baselineMs.toFixed(4)} ms, ×${(t.guardMs / t.baselineMs).toFixed(1)})`,
    );
  }
}
