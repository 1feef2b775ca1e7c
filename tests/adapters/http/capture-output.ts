import { vi } from 'vitest';

/**
 * Captures everything this process writes to stdout, stderr and the console while active: the
 * test server runs in process, so anything it logs passes through here.
 */
export function captureOutput() {
  const chunks: string[] = [];
  const keep = (...args: unknown[]) => {
    chunks.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' '));
  };
  const spies = [
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      keep(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk);
      return true;
    }),
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
      keep(Buffer.isBuffer(chunk) ? chunk.toString('utf8') : chunk);
      return true;
    }),
    ...(['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(keep),
    ),
  ];
  return {
    text: () => chunks.join('\n'),
    restore: () => spies.forEach((s) => s.mockRestore()),
  };
}
