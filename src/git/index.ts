/**
 * git — the repository's history through simple-git (the only folder that imports it): the
 * head revision, commits with structured trailers limited to reports/, releases/ and
 * playbooks/data-fixes/ (approvals), history queries with parsed trailers, files as committed. Prints nothing; imports no cli/.
 */
export {
  COMMITTABLE,
  GitRefusal,
  changedFiles,
  commitFiles,
  committablePath,
  headRevision,
  isClean,
  isRepository,
  logWithTrailers,
  showFile,
  type CommitInfo,
  type LogQuery,
} from './repo.js';
export { composeMessage, formatTrailers, parseTrailers, trailer, trailerValue, type TrailerInput, type Trailers } from './trailers.js';
