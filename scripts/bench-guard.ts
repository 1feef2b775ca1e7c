/**
 * Times the identifiable-data guard on 4,000-character texts (the size of a long observation).
 * Run with: node --import tsx scripts/bench-guard.ts
 *
 * Not a test: timings vary by machine, so this prints figures instead of asserting them. The
 * target is well under 1 ms per text, so the tab can check on every keystroke.
 */
import { findIdentifiableData } from '../src/domain/guard/index.js';
import { negatives, positives } from '../tests/domain/guard/corpus.js';

const LENGTH = 4000;
const RUNS = 1000;

/** Repeats `sentences` until the text is exactly `LENGTH` characters. */
function build(sentences: readonly string[]): string {
  let text = '';
  for (let i = 0; text.length < LENGTH; i++) text += `${sentences[i % sentences.length] ?? ''} `;
  return text.slice(0, LENGTH);
}

const mixed: string[] = [];
negatives.forEach((n, i) => {
  mixed.push(n);
  const p = positives[i];
  if (i % 4 === 0 && p) mixed.push(p.text);
});

const texts: Record<string, string> = {
  'realistic observation (no identifiers)': build(negatives),
  'observation with identifiers mixed in': build(mixed),
  'every sentence identifying': build(positives.map((p) => p.text)),
  'pathological: one long word': 'a'.repeat(LENGTH),
  'pathological: digits': '1'.repeat(LENGTH),
  'pathological: "0 " repeated': '0 '.repeat(LENGTH / 2),
  'pathological: "a@" repeated': 'a@'.repeat(LENGTH / 2),
  'pathological: family words': 'mother Sarah '.repeat(Math.ceil(LENGTH / 13)).slice(0, LENGTH),
};

for (const [label, text] of Object.entries(texts)) {
  for (let i = 0; i < 100; i++) findIdentifiableData(text); // warm up the JIT and regex caches
  let matches = 0;
  const started = performance.now();
  for (let i = 0; i < RUNS; i++) matches = findIdentifiableData(text).length;
  const mean = (performance.now() - started) / RUNS;
  console.log(
    `${label.padEnd(42)} ${text.length} chars  ${mean.toFixed(3)} ms mean over ${RUNS} runs  (${matches} matches)`,
  );
}
