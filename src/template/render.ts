/**
 * The ejs adapter: renders a managed-file template from the repository. Templates live under
 * `templates/` at the repository root (a path may also be given from the root, or under
 * `desired-state/templates/`); a path may not leave the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative } from 'node:path';
import ejs from 'ejs';

export class TemplateError extends Error {
  override readonly name = 'TemplateError';
  constructor(
    message: string,
    readonly templatePath: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** The file a template path names, or undefined if none exists. */
export function resolveTemplate(root: string, templatePath: string): string | undefined {
  const clean = normalize(templatePath);
  if (isAbsolute(clean) || clean.startsWith('..')) throw new TemplateError(`template path "${templatePath}" leaves the repository`, templatePath);
  const candidates = [join(root, 'templates', clean), join(root, 'desired-state', 'templates', clean), join(root, clean)];
  return candidates.find((c) => !relative(root, c).startsWith('..') && existsSync(c));
}

/** Renders `templatePath` with `vars`; throws TemplateError when missing or when ejs fails. */
export function renderTemplate(root: string, templatePath: string, vars: Record<string, unknown>): string {
  const file = resolveTemplate(root, templatePath);
  if (!file) throw new TemplateError(`template "${templatePath}" not found under ${join(root, 'templates')}`, templatePath);
  try {
    return ejs.render(readFileSync(file, 'utf8'), vars, { filename: file, async: false });
  } catch (err) {
    throw new TemplateError(`template "${templatePath}": ${err instanceof Error ? err.message : String(err)}`, templatePath, { cause: err });
  }
}

/** A renderer bound to one repository, in the shape buildLabState takes. */
export function templateRenderer(root: string): (templatePath: string, vars: Record<string, unknown>) => string {
  return (templatePath, vars) => renderTemplate(root, templatePath, vars);
}
