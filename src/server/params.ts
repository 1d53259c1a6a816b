/**
 * Query parameters, checked by hand: only the names a route takes, each at most once, each
 * value among those allowed. A failure is a 400 whose message names the parameter and lists
 * what it accepts. An empty value (`?region=`) counts as not given, as a cleared filter sends.
 */
import type { Context } from 'hono';
import { badRequest } from './errors.ts';

/** The query of one request, checked against the names its route takes. */
export class Query {
  readonly #values = new Map<string, string>();

  constructor(c: Context, allowed: readonly string[]) {
    const url = new URL(c.req.url);
    const route = `${c.req.method} ${url.pathname}`;
    for (const name of new Set(url.searchParams.keys())) {
      if (!allowed.includes(name)) {
        const takes = allowed.length ? `it takes ${allowed.join(', ')}` : 'it takes none';
        throw badRequest(`unknown query parameter '${name}' for ${route}: ${takes}`);
      }
      const values = url.searchParams.getAll(name).filter((v) => v !== '');
      if (values.length > 1) throw badRequest(`query parameter '${name}' is given more than once`);
      if (values[0] !== undefined) this.#values.set(name, values[0]);
    }
  }

  /** The raw value of `name`, or undefined when absent or empty. */
  text(name: string): string | undefined {
    return this.#values.get(name);
  }

  /**
   * The value of `name` if it is one of `allowed`, undefined when absent; else a 400 listing them.
   *
   * @example
   * query.oneOf('modality', MODALITIES); // 'CT' | 'MR' | undefined
   */
  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const value = this.#values.get(name);
    if (value === undefined) return undefined;
    if (!(allowed as readonly string[]).includes(value)) {
      const list = allowed.length ? allowed.join(', ') : 'none in this campaign';
      throw badRequest(`${name} must be one of ${list} (got '${value}')`);
    }
    return value as T;
  }

  /**
   * The value of `name` in its normal form (`normalize` gives `null` for a value it cannot
   * read), which must be one of `allowed`; undefined when absent; else a 400 listing them.
   *
   * @example
   * query.code('department', normalizeDepartmentCode, DEPARTMENT_CODES); // '2a' → '2A'
   */
  code(
    name: string,
    normalize: (raw: string) => string | null,
    allowed: readonly string[],
  ): string | undefined {
    const value = this.#values.get(name);
    if (value === undefined) return undefined;
    const code = normalize(value);
    if (code === null || !allowed.includes(code))
      throw badRequest(`${name} must be one of ${allowed.join(', ')} (got '${value}')`);
    return code;
  }

  /** A whole number within [min, max], `fallback` when absent; else a 400 saying the range. */
  integer(name: string, min: number, max: number, fallback: number): number {
    const value = this.#values.get(name);
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!/^\d+$/.test(value) || n < min || n > max) {
      throw badRequest(`${name} must be a whole number from ${min} to ${max} (got '${value}')`);
    }
    return n;
  }
}

/**
 * The checked query of a request: a 400 for any parameter its route does not take.
 *
 * @example
 * const query = readQuery(c, ['week']);
 * const week = query.integer('week', 0, 3, 0);
 */
export function readQuery(c: Context, allowed: readonly string[]): Query {
  return new Query(c, allowed);
}
