/**
 * What the operating system says of another process, shared by the locks and leftovers of the
 * middle layers (the store lock, the MLLP journal lock, the kit folder writer's work folders).
 */

/**
 * True when process `pid` runs on this machine, or exists but cannot be signalled by us (EPERM):
 * either way not ours to take over. Signal 0 checks without sending anything.
 *
 * @example
 * if (!isProcessAlive(Number(lock.pid))) takeOver(lock);
 */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
