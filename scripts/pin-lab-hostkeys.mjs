// Re-pins the lab inventory's SSH host keys: rewrites every `hostKey:` in inventory/lab/hosts.yaml
// to labHostKey(<host name>).fingerprint (src/lab/hostkeys.ts, built to dist/). Run after
// `npm run build` whenever lab host names change:  node scripts/pin-lab-hostkeys.mjs
import { readFileSync, writeFileSync } from 'node:fs';
import process from 'node:process';
import { URL } from 'node:url';
import { labHostKey } from '../dist/lab/hostkeys.js';

const file = new URL('../inventory/lab/hosts.yaml', import.meta.url);
let host = null;
let changed = 0;
const lines = readFileSync(file, 'utf8').split('\n').map((line) => {
  const name = /^ {2}- name: (\S+)\s*$/.exec(line);
  if (name) host = name[1];
  const key = /^(\s+hostKey: )(.*)$/.exec(line);
  if (!key || !host) return line;
  const pinned = `${key[1]}"${labHostKey(host).fingerprint}"`;
  if (pinned !== line) changed++;
  return pinned;
});
writeFileSync(file, lines.join('\n'));
process.stdout.write(`inventory/lab/hosts.yaml: ${changed} host key(s) re-pinned\n`);
