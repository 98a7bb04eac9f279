/** The GitLab CI template parses and keeps its promises: manual, protected, window-gated apply. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ROOT } from './support.js';

type Job = { script?: string[]; rules?: { if?: string; when?: string }[]; artifacts?: { paths?: string[] }; environment?: { name: string }; extends?: string; needs?: string[] };

describe('.gitlab-ci.yml', () => {
  const ci = parse(readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8')) as Record<string, Job & Record<string, unknown>>;

  it('validates and plans on merge requests, keeping plan.json as an artifact', () => {
    expect(ci['validate']?.script).toContain('./opsctl validate');
    const plan = ci['.plan']!;
    expect(plan.script?.[0]).toMatch(/^\.\/opsctl plan --env "\$\{PLAN_ENV\}" --format markdown --out "plan-\$\{PLAN_ENV\}\.json"/);
    expect(plan.script?.join('\n')).toContain('ci/gitlab/post-mr-note.sh');
    expect(plan.artifacts?.paths).toContain('plan-${PLAN_ENV}.json');
    expect(ci['plan:prod']?.extends).toBe('.plan');
  });

  it('applies only manually, on the protected default branch, outside deploy freezes, inside the window', () => {
    const apply = ci['.apply']!;
    expect(apply.rules?.[0]).toEqual({ if: '$CI_DEPLOY_FREEZE', when: 'never' });
    expect(apply.rules?.[1]).toEqual({ if: '$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH && $CI_COMMIT_REF_PROTECTED == "true"', when: 'manual' });
    expect(apply.script?.[0]).toBe('./opsctl window --env "${APPLY_ENV}"');
    expect(apply.script?.[1]).toMatch(/^\.\/opsctl apply "plan-\$\{APPLY_ENV\}\.json"/);
    expect(ci['apply:prod']?.environment?.name).toBe('prod');
    expect(ci['apply:prod']?.needs).toEqual(['plan:prod']);
  });

  it('stores no token: they are referenced as CI/CD variables only', () => {
    const text = readFileSync(join(ROOT, '.gitlab-ci.yml'), 'utf8') + readFileSync(join(ROOT, 'ci/gitlab/post-mr-note.sh'), 'utf8');
    expect(text).not.toMatch(/glpat-[A-Za-z0-9_-]{10,}/);
    expect(text).toContain('${OPSCTL_GITLAB_TOKEN}');
  });
});
