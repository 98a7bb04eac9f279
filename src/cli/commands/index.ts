/** Every command registers itself here; one line per command file. */
import type { Command } from 'commander';
import { registerValidate } from './validate.js';
import { registerLab } from './lab.js';
import { registerImport } from './import.js';
import { registerWindow } from './window.js';

type Register = (program: Command) => void;

const registrars: Register[] = [registerValidate, registerLab, registerWindow, registerImport];

export function registerCommands(program: Command): void {
  for (const register of registrars) register(program);
}
