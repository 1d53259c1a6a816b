/**
 * plateau's version, read once from package.json (the one place it is written): the command's
 * `--version`, the OpenAPI document and the bundles' provenance all say the same.
 */
import { readFileSync } from 'node:fs';

let cached: string | null = null;

/** plateau's version, as package.json says; `0.0.0` when it cannot be read. */
export function plateauVersion(): string {
  if (cached !== null) return cached;
  try {
    // src/system or dist/system: package.json is two folders up either way.
    const manifest = JSON.parse(
      readFileSync(new URL('../../package.json', import.meta.url), 'utf8'),
    ) as { version?: unknown };
    cached = typeof manifest.version === 'string' ? manifest.version : '0.0.0';
  } catch {
    cached = '0.0.0';
  }
  return cached;
}
