/**
 * template — renders managed-file templates (ejs) from the repository's templates/ folder, and
 * defines the variables a template sees (templateVarsFor). The only place besides report/ that
 * imports ejs. May import model/; never cli/, lab/, providers/ or transport/.
 */
export { renderTemplate, resolveTemplate, templateRenderer, TemplateError } from './render.js';
export { templateVarsFor, type TemplateVars } from './vars.js';
