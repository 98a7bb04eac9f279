// Copies the report templates (src/report/templates/*.ejs) next to the compiled code
// (dist/report/templates/): tsc compiles only .ts, and src/report/ejs.ts finds its templates
// beside itself. Run by `npm run build` (and so by `npm ci` → prepare).
import { cpSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const from = join(root, 'src', 'report', 'templates');
if (existsSync(from)) cpSync(from, join(root, 'dist', 'report', 'templates'), { recursive: true });
