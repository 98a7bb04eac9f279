/**
 * discover/live — `opsctl discover`: live state to desired-state YAML. The providers say which
 * edits adopt a live read (adopt.ts); the edits land in environment overlays through the yaml
 * Document API, keeping comments and order (yaml-edit.ts, overlay.ts); the preview is a unified
 * diff (diff.ts); writing backs up every file first (write.ts). May import core/ and provider
 * types, load/, model/ and yaml; never cli/, engine/ or lab/.
 */
export { adoptLive, editsSecret, pathText, type AdoptInput, type Adoption, type AdoptedChange, type Skipped } from './adopt.js';
export { applyEdit, EditError, YAML_STRINGIFY } from './yaml-edit.js';
export { overlayFileFor, patchesFor, type FilePatch } from './overlay.js';
export { unifiedDiff } from './diff.js';
export { freeBackupName, writePatch, writePatches, type WrittenFile } from './write.js';
