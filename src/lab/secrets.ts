/**
 * The lab's credentials, generated on first reset/up under .lab/ (git-ignored) and then kept:
 *   .lab/keys/id_ed25519(.pub)  the client key every lab SSH host authorizes (OpenSSH format)
 *   .lab/secrets/ssh            the SSH password lab hosts also accept
 *   .lab/secrets/weblogic       the WebLogic admin password of every lab domain
 *   .lab/secrets/oracle         the password of every lab database account
 * The lab inventory refers to them by reference (file:.lab/…), like any other secret.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ssh2 from 'ssh2';

export interface LabSecrets {
  privateKeyPath: string;
  /** `ssh-ed25519 AAAA… opsctl-lab` */
  publicKey: string;
  sshPassword: string;
  weblogicPassword: string;
  oraclePassword: string;
}

export const LAB_KEY = '.lab/keys/id_ed25519';
export const LAB_SECRET = { ssh: '.lab/secrets/ssh', weblogic: '.lab/secrets/weblogic', oracle: '.lab/secrets/oracle' } as const;

function writeSecret(path: string, text: string, mode: number): void {
  mkdirSync(join(path, '..'), { recursive: true, mode: 0o700 });
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
}

function password(prefix: string): string {
  // Letters and digits only: valid for WebLogic, Oracle and any shell without quoting surprises.
  return `${prefix}${randomBytes(9).toString('hex')}7`;
}

/** Creates whichever lab credentials are missing, then returns them all. */
export function ensureLabSecrets(root: string): LabSecrets {
  const keyPath = join(root, LAB_KEY);
  if (!existsSync(keyPath) || !existsSync(`${keyPath}.pub`)) {
    const pair = ssh2.utils.generateKeyPairSync('ed25519', { comment: 'opsctl-lab' });
    writeSecret(keyPath, pair.private, 0o600);
    writeSecret(`${keyPath}.pub`, `${pair.public}\n`, 0o644);
  }
  for (const [name, rel] of Object.entries(LAB_SECRET)) {
    const path = join(root, rel);
    if (!existsSync(path)) writeSecret(path, password(name === 'oracle' ? 'Ora' : 'Lab'), 0o600);
  }
  return readLabSecrets(root);
}

export function readLabSecrets(root: string): LabSecrets {
  const read = (rel: string): string => readFileSync(join(root, rel), 'utf8').trim();
  return {
    privateKeyPath: join(root, LAB_KEY),
    publicKey: read(`${LAB_KEY}.pub`),
    sshPassword: read(LAB_SECRET.ssh),
    weblogicPassword: read(LAB_SECRET.weblogic),
    oraclePassword: read(LAB_SECRET.oracle),
  };
}
