#!/usr/bin/env bash
# Posts a plan (Markdown) as a note on the merge request of this pipeline, through the internal
# GitLab's API. The token comes from the masked CI/CD variable OPSCTL_GITLAB_TOKEN; it is never
# echoed. Notes are capped below GitLab's 1 MB note limit; the full plan stays a job artifact.
set -euo pipefail
file="$1"
env_name="$2"
: "${OPSCTL_GITLAB_TOKEN:?set the masked CI/CD variable OPSCTL_GITLAB_TOKEN (project access token, api scope)}"
: "${CI_API_V4_URL:?not running in GitLab CI}"
: "${CI_MERGE_REQUEST_IID:?not a merge-request pipeline}"
limit=900000
body="$(printf '### opsctl plan — %s (pipeline %s)\n\n' "$env_name" "${CI_PIPELINE_URL:-}"; head -c "$limit" "$file")"
if [ "$(wc -c < "$file")" -gt "$limit" ]; then
  body="${body}"$'\n\n… truncated; the full plan is in the job artifacts.'
fi
curl --fail --silent --show-error \
  --header "PRIVATE-TOKEN: ${OPSCTL_GITLAB_TOKEN}" \
  --data-urlencode "body=${body}" \
  "${CI_API_V4_URL}/projects/${CI_PROJECT_ID}/merge_requests/${CI_MERGE_REQUEST_IID}/notes" > /dev/null
echo "posted the ${env_name} plan to merge request !${CI_MERGE_REQUEST_IID}"
