/** One bench figure: what, the value, the baseline measured in the same run, their ratio. */
export type BenchRow = [
  measure: string,
  value: string,
  baseline: string,
  ratio: string,
  note?: string,
];

/** Prints rows as an aligned table under a title (the whole bench and each standalone script). */
export function printTable(title: string, table: BenchRow[]): void {
  const header: BenchRow = ['measure', 'value', 'baseline', 'ratio', 'note'];
  const all = [header, ...table];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  const line = (r: BenchRow) =>
    r
      .map((cell, i) =>
        i === 0 ? (cell ?? '').padEnd(widths[i] ?? 0) : (cell ?? '').padStart(widths[i] ?? 0),
      )
      .join('  ')
      .trimEnd();
  console.log(`\n${title}\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  table.forEach((r) => console.log(line(r)));
}
