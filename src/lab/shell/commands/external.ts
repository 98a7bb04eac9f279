/**
 * Commands answered by other lab responders, loaded lazily (through their folders' index.ts)
 * so the shell compiles and runs without them and no import cycle arises: `java` → weblogic
 * wlstCommand, `startWebLogic.sh` → weblogic startWebLogicCommand, `sqlplus` → oracle
 * sqlplusCommand, `lsnrctl` → oracle lsnrctlCommand, `opatch` / `bsu.sh` / `datapatch` → patch
 * (the home's patch inventory). A missing module answers like a missing binary (exit 127).
 */
import type { CommandHandler } from '../types.js';
import { fail } from '../types.js';

function lazy(specifier: string, exportName: string): CommandHandler {
  let cached: Promise<CommandHandler | undefined> | undefined;
  const load = (): Promise<CommandHandler | undefined> => {
    const spec: string = specifier;
    cached ??= import(spec).then(
      (m: Record<string, unknown>) => (typeof m[exportName] === 'function' ? (m[exportName] as CommandHandler) : undefined),
      () => undefined,
    );
    return cached;
  };
  return async (argv, ctx) => {
    const handler = await load();
    if (!handler) {
      cached = undefined;
      return fail(127, `${argv[0] ?? ''}: command not found (lab responder ${exportName} is not available)\n`);
    }
    return handler(argv, ctx);
  };
}

export const java = lazy('../../weblogic/index.js', 'wlstCommand');
export const sqlplus = lazy('../../oracle/index.js', 'sqlplusCommand');
export const lsnrctl = lazy('../../oracle/index.js', 'lsnrctlCommand');
export const startWebLogic = lazy('../../weblogic/index.js', 'startWebLogicCommand');
export const opatch = lazy('../../patch/index.js', 'opatchCommand');
export const bsu = lazy('../../patch/index.js', 'bsuCommand');
export const datapatch = lazy('../../patch/index.js', 'datapatchCommand');
