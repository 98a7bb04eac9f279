/**
 * Runs opsctl commands in this process (no build needed): a fresh commander program with the
 * given commands registered, stdout captured, the exit code read back and reset.
 */
import { Command } from 'commander';
import { vi } from 'vitest';

export type Register = (program: Command) => void;

export async function runCli(register: readonly Register[], args: readonly string[]): Promise<{ code: number | undefined; stdout: string }> {
  const program = new Command('opsctl').option('--repo <dir>').option('--now <iso>').exitOverride();
  for (const r of register) r(program);
  let stdout = '';
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    stdout += String(s);
    return true;
  });
  process.exitCode = undefined;
  try {
    await program.parseAsync(['node', 'opsctl', ...args]);
  } finally {
    spy.mockRestore();
  }
  const code = process.exitCode as number | undefined;
  process.exitCode = undefined;
  return { code, stdout };
}
