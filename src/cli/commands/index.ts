/** Every command registers itself here; one line per command file. */
import type { Command } from 'commander';

type Register = (program: Command) => void;

const registrars: Register[] = [];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
