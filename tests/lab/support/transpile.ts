/**
 * Compiles a few self-contained src/ modules (node built-ins and type-only imports) to plain
 * ESM in a temp folder, so tests can run them in child processes without a build.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import ts from 'typescript';

export function transpileTo(dir: string, sources: string[]): void {
  mkdirSync(dir, { recursive: true });
  for (const src of sources) {
    const out = ts.transpileModule(readFileSync(src, 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
      fileName: src,
    });
    writeFileSync(join(dir, basename(src).replace(/\.ts$/, '.js')), out.outputText);
  }
}
