// Runs the CLI in process and captures what it writes, as a user would see it.
import { vi } from 'vitest';
import { main } from '../../src/cli/main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** What the CLI printed so far, and how to stop capturing it. */
export interface CapturedOutput {
  out: { stdout: string; stderr: string };
  restore(): void;
}

/** Captures what is written to stdout and stderr until `restore()` (for commands run in process). */
export function captureOutput(): CapturedOutput {
  const out = { stdout: '', stderr: '' };
  const spies = (['stdout', 'stderr'] as const).map((stream) =>
    vi.spyOn(process[stream], 'write').mockImplementation((chunk: string | Uint8Array) => {
      out[stream] += String(chunk);
      return true;
    }),
  );
  return { out, restore: () => spies.forEach((s) => s.mockRestore()) };
}

export async function runCli(args: string[]): Promise<CliRun> {
  const { out, restore } = captureOutput();
  try {
    const code = await main(args);
    return { code, stdout: out.stdout, stderr: out.stderr };
  } finally {
    restore();
  }
}
