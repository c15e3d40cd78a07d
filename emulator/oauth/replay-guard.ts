// Remembers one-time ids (assertion and DPoP `jti`s) until they expire, to refuse replays.

/** A set of used ids, each forgotten after its expiry (emulator clock). */
export class ReplayGuard {
  private readonly seen = new Map<string, number>();

  /** Records `id` as used until `expiresAt` (ms); false when it was already used. */
  use(id: string, expiresAt: number, now: number): boolean {
    for (const [key, expiry] of this.seen) if (expiry <= now) this.seen.delete(key);
    if (this.seen.has(id)) return false;
    this.seen.set(id, expiresAt);
    return true;
  }
}
