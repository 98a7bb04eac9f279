/**
 * Secret references and the `Secret` wrapper. YAML holds references (`env:NAME`, `file:PATH`,
 * `ssh-agent`, `store:PATH`); they are resolved only here, at the moment a transport needs them,
 * into a `Secret` that prints as `[secret]` through String(), JSON.stringify, util.inspect and
 * template literals — so a resolved value cannot leak into a plan, log or report by accident.
 * Only `reveal()` gives the value, and only transports call it.
 *
 * Files (`file:` and `store:`) that are world-readable are refused, as OpenSSH refuses an
 * unprotected private key: a secret anyone on the ops host can read is already leaked. The
 * store is also written here (`writeStoreSecret`, 0600): a rotated password's new home.
 */
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import { inspect } from 'node:util';
import { SecretUnavailableError } from './errors.js';

/** `value`: a password or private key text; `agent-socket`: the ssh-agent's socket path. */
export type SecretKind = 'value' | 'agent-socket';

const MASK = '[secret]';

export class Secret {
  readonly #value: string;
  /** The reference it was resolved from — safe to print. */
  readonly ref: string;
  readonly kind: SecretKind;

  constructor(value: string, ref = 'literal', kind: SecretKind = 'value') {
    this.#value = value;
    this.ref = ref;
    this.kind = kind;
  }

  /** The value. Call it only where the value is handed to a library, never to build text. */
  reveal(): string {
    return this.#value;
  }

  toString(): string {
    return MASK;
  }

  toJSON(): string {
    return MASK;
  }

  [Symbol.toPrimitive](): string {
    return MASK;
  }

  [inspect.custom](): string {
    return MASK;
  }
}

export interface ResolveSecretOptions {
  /** Repository root: relative `file:` paths are resolved against it. */
  root: string;
  /** The environment to read `env:` references, SSH_AUTH_SOCK and OPSCTL_SECRET_STORE from. */
  env: Record<string, string | undefined>;
}

/** Where `store:` references live: OPSCTL_SECRET_STORE, else ~/.opsctl/secrets. */
export function secretStoreDir(env: Record<string, string | undefined>): string {
  return env.OPSCTL_SECRET_STORE || join(env.HOME || homedir(), '.opsctl', 'secrets');
}

/** The file of `store:REL` inside the store; refuses a path that leaves it. */
export function storeFile(storeDir: string, rel: string): string {
  const dir = resolve(storeDir);
  const path = resolve(dir, normalize(rel));
  if (isAbsolute(rel) || !path.startsWith(dir + sep)) throw new SecretUnavailableError(`store:${rel}: a store path must stay inside the store (${dir})`, `store:${rel}`);
  return path;
}

/** Writes a value into the store as `store:REL` (file 0600, folders 0700), the counterpart of resolving it. */
export async function writeStoreSecret(storeDir: string, rel: string, secret: Secret): Promise<void> {
  const path = storeFile(storeDir, rel);
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  await writeFile(path, `${secret.reveal()}\n`, { mode: 0o600 });
  await chmod(path, 0o600);
}

/** `text` with every value of `secrets` replaced by [secret] (a database error may echo a statement). */
export function redact(text: string, secrets: readonly Secret[]): string {
  return secrets.map((s) => s.reveal()).filter((v) => v.length > 0).reduce((t, v) => t.split(v).join(MASK), text);
}

/** Resolve a secret reference. Errors name the reference, never a value. */
export async function resolveSecret(ref: string, options: ResolveSecretOptions): Promise<Secret> {
  if (ref === 'ssh-agent') {
    const sock = options.env.SSH_AUTH_SOCK;
    if (!sock) throw new SecretUnavailableError('ssh-agent: SSH_AUTH_SOCK is not set (start ssh-agent and ssh-add the key)', ref);
    return new Secret(sock, ref, 'agent-socket');
  }
  const colon = ref.indexOf(':');
  const scheme = colon > 0 ? ref.slice(0, colon) : '';
  const rest = ref.slice(colon + 1);
  if (scheme === 'env') {
    const value = options.env[rest];
    if (value === undefined || value === '') throw new SecretUnavailableError(`${ref}: environment variable ${rest} is not set`, ref);
    return new Secret(value, ref);
  }
  if (scheme === 'file') {
    const path = isAbsolute(rest) ? rest : resolve(options.root, rest);
    return new Secret(await readProtectedFile(path, ref), ref);
  }
  if (scheme === 'store') return new Secret(await readProtectedFile(storeFile(secretStoreDir(options.env), rest), ref), ref);
  throw new SecretUnavailableError(`${ref}: not a secret reference (env:NAME | file:PATH | ssh-agent | store:PATH)`, ref);
}

async function readProtectedFile(path: string, ref: string): Promise<string> {
  let mode: number;
  try {
    const st = await stat(path);
    if (!st.isFile()) throw new SecretUnavailableError(`${ref}: ${path} is not a regular file`, ref);
    mode = st.mode;
  } catch (err) {
    if (err instanceof SecretUnavailableError) throw err;
    throw new SecretUnavailableError(`${ref}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? 'error'})`, ref, { cause: err });
  }
  if ((mode & 0o004) !== 0) {
    const octal = (mode & 0o777).toString(8);
    throw new SecretUnavailableError(`${ref}: ${path} is world-readable (mode ${octal}); refused — run chmod 600 ${path}`, ref);
  }
  const text = await readFile(path, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new SecretUnavailableError(`${ref}: cannot read ${path} (${err.code ?? 'error'})`, ref, { cause: err });
  });
  // One trailing newline is how editors save a one-line password; it is not part of it.
  return text.replace(/\r?\n$/, '');
}
