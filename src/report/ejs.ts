/**
 * The one place ejs renders: templates are .ejs files under src/report/templates/, copied next to
 * the compiled code by `npm run build` (scripts/copy-templates.mjs → dist/report/templates/), so
 * they are found beside this module both from src/ (tests) and from dist/. Templates only render
 * a precomputed view model: every number, label, class and chart is computed in TypeScript.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ejs from 'ejs';

const cache = new Map<string, ejs.TemplateFunction>();

function templatePath(name: string): string {
  return fileURLToPath(new URL(`./templates/${name}`, import.meta.url));
}

/** Renders templates/<name> with `view` (HTML-escaped by <%= %>; <%- %> only for our own SVG/HTML). */
export function renderTemplate(name: string, view: object): string {
  let fn = cache.get(name);
  if (!fn) {
    const path = templatePath(name);
    fn = ejs.compile(readFileSync(path, 'utf8'), { filename: path, strict: true, localsName: 'v' });
    cache.set(name, fn);
  }
  return fn(view);
}
