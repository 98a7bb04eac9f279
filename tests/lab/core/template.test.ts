// The ejs adapter renders managed-file templates from templates/ and refuses paths that leave the repository.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderTemplate, TemplateError, templateVarsFor } from '../../../src/template/index.js';
import { miniEnv, TEMPLATE, writeTemplates } from '../support/mini-env.js';

describe('renderTemplate', () => {
  const root = mkdtempSync(join(tmpdir(), 'opsctl-tpl-'));
  writeTemplates(root);
  const env = miniEnv();
  const file = env.hostProfiles[0]!.files![0]!;

  it('renders with the file vars and the host facts', () => {
    const vars = templateVarsFor('lab', env.hosts[0]!, file);
    expect(renderTemplate(root, TEMPLATE, vars)).toBe('# hall-web-01 (lab)\nUSER_MEM_ARGS="-Xmx4096m"\n');
    expect(renderTemplate(root, `templates/${TEMPLATE}`, vars)).toContain('4096');
  });

  it('fails with TemplateError for a missing template or one outside the repository', () => {
    expect(() => renderTemplate(root, 'nope.ejs', {})).toThrow(TemplateError);
    expect(() => renderTemplate(root, '../etc/passwd.ejs', {})).toThrow(/leaves the repository/);
  });
});
