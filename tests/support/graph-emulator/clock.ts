/**
 * The emulator's clock: wall time (or a time source the test gives) plus an offset the test can
 * move forward, so resource-unit windows and Retry-After can be exercised without sleeping.
 */
export interface EmulatorClock {
  now(): number;
  /** Moves the emulator's time forward (never back). */
  advance(ms: number): void;
}

export function createClock(source: () => number = Date.now): EmulatorClock {
  let offset = 0;
  return {
    now: () => source() + offset,
    advance(ms: number) {
      if (!(ms >= 0)) throw new Error('the emulator clock only moves forward');
      offset += ms;
    },
  };
}

/** Graph's timestamps carry whole seconds: "2016-08-30T08:26:00Z" (listitem-create.md example). */
export function graphTime(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
