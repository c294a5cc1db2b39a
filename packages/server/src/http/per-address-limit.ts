/**
 * A small per-node limit on how often one client address may call an unauthenticated, CPU-costly
 * route (e.g. the public password-strength check). It protects this node's event loop; it is not an
 * account-security control (those live in PostgreSQL and are shared by every node).
 */
export class PerAddressLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}

  /** Seconds to wait when over the limit, or 0 when the call may go ahead. */
  take(address: string, now = Date.now()): number {
    if (this.windows.size > 10_000) this.sweep(now);
    const current = this.windows.get(address);
    if (!current || now - current.start >= this.windowMs) {
      this.windows.set(address, { start: now, count: 1 });
      return 0;
    }
    current.count += 1;
    return current.count > this.max ? Math.ceil((current.start + this.windowMs - now) / 1000) : 0;
  }

  private sweep(now: number): void {
    for (const [key, value] of this.windows) if (now - value.start >= this.windowMs) this.windows.delete(key);
  }
}
