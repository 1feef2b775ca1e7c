/** Time for the gate, injected so tests need not wait. */
export interface GateClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const realClock: GateClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((done) => setTimeout(done, ms)),
};

/**
 * One gate for every Graph call the app makes to the tenant. SharePoint throttles per app per
 * tenant (resource units a minute), and throttled requests still count against the limit, so
 * when any call is told to wait (429 or 503 with Retry-After) every call waits: retrying others
 * meanwhile would only extend the penalty. See "Avoid getting throttled or blocked in SharePoint
 * Online" (https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
 */
export class TenantGate {
  private pausedUntil = 0;
  /** Times a pause was started or extended, for the bench and the logs. */
  pauses = 0;

  constructor(private readonly clock: GateClock = realClock) {}

  /** Resolves when calls may go (at once unless the tenant is paused). */
  async open(): Promise<void> {
    for (;;) {
      const wait = this.pausedUntil - this.clock.now();
      if (wait <= 0) return;
      await this.clock.sleep(wait);
    }
  }

  /** Pauses every call for `ms` from now (never shortens a longer pause already in force). */
  pause(ms: number): void {
    const until = this.clock.now() + Math.max(0, ms);
    if (until > this.pausedUntil) {
      this.pausedUntil = until;
      this.pauses++;
    }
  }

  /** Milliseconds until calls may go; 0 when open. */
  remaining(): number {
    return Math.max(0, this.pausedUntil - this.clock.now());
  }
}
