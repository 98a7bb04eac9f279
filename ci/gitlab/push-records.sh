#!/usr/bin/env bash
# After an apply job: push the commits opsctl made (apply records under reports/) back to the
# protected default branch, so the release gate and `opsctl audit` see them. Runs also when the
# apply failed: a failed or rolled-back apply is recorded too. Uses OPSCTL_PUSH_TOKEN (masked,
# protected; write_repository), never echoed.
set -euo pipefail
if [ -z "$(git log --format=%H "origin/${CI_COMMIT_BRANCH}..HEAD" -- reports/ 2>/dev/null)" ]; then
  echo "no apply record to push"
  exit 0
fi
: "${OPSCTL_PUSH_TOKEN:?set the masked, protected CI/CD variable OPSCTL_PUSH_TOKEN}"
remote="https://oauth2:${OPSCTL_PUSH_TOKEN}@${CI_SERVER_HOST}/${CI_PROJECT_PATH}.git"
git pull --rebase --quiet "$remote" "${CI_COMMIT_BRANCH}"
git push --quiet "$remote" "HEAD:${CI_COMMIT_BRANCH}"
echo "pushed the apply record(s) to ${CI_COMMIT_BRANCH}"
