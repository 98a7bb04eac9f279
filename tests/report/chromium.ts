// Headless Chromium for the HTML tests: found on PATH (Debian `chromium`), started with a fresh
// profile, no network features, loading a file:// URL only. Absent locally → the tests skip with
// a message; absent in CI (CI=true) → they fail (.ci/run installs it).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export function findChromium(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path && existsSync(path)) return path;
    } catch {
      // not this one
    }
  }
  return undefined;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Runs chromium on a local file with `extra` flags and a throwaway profile; returns stdout. */
export function runChromium(binary: string, file: string, extra: string[]): string {
  const profile = mkdtempSync(join(tmpdir(), 'opsctl-chromium-'));
  try {
    return execFileSync(binary, [...FLAGS, `--user-data-dir=${profile}`, ...extra, pathToFileURL(file).href], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
