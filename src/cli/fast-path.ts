/**
 * `opsctl validate` without commander: main.ts runs a plain validate (the command CI and editors
 * run most) straight away, so neither commander nor the other commands' modules load. Anything
 * this does not recognise goes to commander (program.ts), which parses and reports it.
 * Imports nothing.
 */
/**
 * The arguments (after node and the script) when they are a plain `validate` that commander
 * would parse the same way: global `--repo`/`--now` (before or after the command, `--x v` or
 * `--x=v`), `--json`, `--no-cache`. Anything else — help, an unknown option, an argument, a value
 * starting with "-" — is undefined and goes to commander, which knows how to report it.
 */
export function fastValidateArgs(args: readonly string[]): { repo?: string; now?: string; json: boolean; cache: boolean } | undefined {
  const out: { repo?: string; now?: string; json: boolean; cache: boolean } = { json: false, cache: true };
  let command = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const global = /^--(repo|now)(?:=(.*))?$/s.exec(a);
    if (global) {
      const value = global[2] ?? args[++i];
      if (value === undefined || (global[2] === undefined && value.startsWith('-'))) return undefined;
      out[global[1] as 'repo' | 'now'] = value;
    } else if (a === 'validate' && !command) command = true;
    else if (a === '--json' && command) out.json = true;
    else if (a === '--no-cache' && command) out.cache = false;
    else return undefined;
  }
  return command ? out : undefined;
}
