import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // English messages whatever the developer's locale (the CLI follows LC_ALL/LC_MESSAGES/LANG).
    env: { TZ: 'UTC', LC_ALL: 'C.UTF-8', LC_MESSAGES: '', LANG: 'C.UTF-8' },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // Vitest's default (cores − 1) runs one file at a time on CI's 2 cores, most of them waiting on
    // I/O, a browser or a child process: two at a time took the suite from 812 s to 610 s there,
    // green, the timing assertions (warm vs cold, linear-time and fuzz budgets, e2e timeouts) included.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
