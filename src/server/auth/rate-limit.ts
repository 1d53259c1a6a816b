/**
 * Login rate limiting (issue 15): failed logins counted in a sliding window, per e-mail and per
 * client address, in the server's memory (one process serves the observatory). An attempt is
 * counted when it starts, so parallel guesses cannot all slip under the limit, and taken back when
 * it succeeds; a success also forgets the e-mail's failures. The clock is injected for tests.
 */

/** The limits: `perEmail` failures per e-mail and `perAddress` per client address within `windowMs`. */
export interface RateLimitOptions {
  /** Default 10. */
  perEmail?: number;
  /** Default 30. */
  perAddress?: number;
  /** Default 15 minutes. */
  windowMs?: number;
  /** Milliseconds since the epoch (default `Date.now`). */
  now?: () => number;
  /** At most this many keys are remembered (the oldest are forgotten first); default 100,000. */
  maxKeys?: number;
}

/** An attempt let through: say how it ended. */
export interface LoginAttempt {
  /** The login succeeded: the attempt is taken back and the e-mail's failures forgotten. */
  succeeded(): void;
}

/** The answer of `begin`: an attempt to run, or a refusal with the seconds to wait. */
export type AttemptVerdict =
  | { allowed: true; attempt: LoginAttempt }
  | { allowed: false; retryAfterSeconds: number; by: 'email' | 'address' };

/** Counts failed logins by e-mail and client address. */
export class LoginRateLimiter {
  readonly perEmail: number;
  readonly perAddress: number;
  readonly windowMs: number;
  readonly #now: () => number;
  readonly #maxKeys: number;
  readonly #hits = new Map<string, number[]>();

  constructor(options: RateLimitOptions = {}) {
    this.perEmail = options.perEmail ?? 10;
    this.perAddress = options.perAddress ?? 30;
    this.windowMs = options.windowMs ?? 15 * 60_000;
    this.#now = options.now ?? Date.now;
    this.#maxKeys = options.maxKeys ?? 100_000;
    for (const [name, value] of [
      ['perEmail', this.perEmail],
      ['perAddress', this.perAddress],
      ['windowMs', this.windowMs],
    ] as const) {
      if (!Number.isSafeInteger(value) || value < 1)
        throw new RangeError(`rate limit ${name} must be a positive whole number, got ${value}`);
    }
  }

  /** The times of `key`'s attempts still inside the window (older ones dropped). */
  #live(key: string, now: number): number[] {
    const times = this.#hits.get(key);
    if (!times) return [];
    const live = times.filter((t) => t > now - this.windowMs);
    if (live.length === 0) this.#hits.delete(key);
    else if (live.length !== times.length) this.#hits.set(key, live);
    return live;
  }

  #add(key: string, now: number): void {
    const times = this.#hits.get(key);
    if (times) {
      times.push(now);
      return;
    }
    if (this.#hits.size >= this.#maxKeys) {
      // Forget the expired keys, then the oldest ones, so that a spray of addresses cannot grow memory.
      for (const [k, t] of this.#hits)
        if ((t.at(-1) ?? 0) <= now - this.windowMs) this.#hits.delete(k);
      for (const k of this.#hits.keys()) {
        if (this.#hits.size < this.#maxKeys * 0.9) break;
        this.#hits.delete(k);
      }
    }
    this.#hits.set(key, [now]);
  }

  #remove(key: string, time: number): void {
    const times = this.#hits.get(key);
    if (!times) return;
    const i = times.lastIndexOf(time);
    if (i >= 0) times.splice(i, 1);
    if (times.length === 0) this.#hits.delete(key);
  }

  /**
   * Starts a login attempt for `email` (as typed; compared lower-cased) from `address`: refused
   * when either already has its limit of failures in the window, else counted as a failure until
   * `succeeded()` is called.
   *
   * @example
   * const verdict = limiter.begin(email, address);
   * if (!verdict.allowed) return tooMany(verdict.retryAfterSeconds);
   * if (await verifyLogin(...)) verdict.attempt.succeeded();
   */
  begin(email: string, address: string): AttemptVerdict {
    const now = this.#now();
    const emailKey = `e:${email.trim().toLowerCase()}`;
    const addressKey = `a:${address}`;
    const byEmail = this.#live(emailKey, now);
    const byAddress = this.#live(addressKey, now);
    const wait = (times: number[], limit: number): number =>
      Math.max(
        1,
        Math.ceil(((times[times.length - limit] as number) + this.windowMs - now) / 1000),
      );
    if (byEmail.length >= this.perEmail)
      return { allowed: false, retryAfterSeconds: wait(byEmail, this.perEmail), by: 'email' };
    if (byAddress.length >= this.perAddress)
      return { allowed: false, retryAfterSeconds: wait(byAddress, this.perAddress), by: 'address' };
    this.#add(emailKey, now);
    this.#add(addressKey, now);
    return {
      allowed: true,
      attempt: {
        succeeded: () => {
          this.#hits.delete(emailKey);
          this.#remove(addressKey, now);
        },
      },
    };
  }
}
