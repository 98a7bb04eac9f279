/**
 * What the lab's tools read from a staged patch, as the real ones do: an OPatch patch directory
 * carries `etc/config/inventory.xml` (`<patch_id number="N"/>`, `<patch_description>`); a BSU
 * download directory carries `<ID>.jar` and a `patch-catalog*.xml` describing the patches
 * (`<patch><patchId>ID</patchId>…<description>…</description><bug>N</bug></patch>`; the lab
 * reads only those elements). The release archives under releases/ are built in these layouts.
 */
import type { LabHost } from '../state/types.js';
import { fileText } from '../shell/vfs.js';

export interface OpatchMeta {
  id: string;
  description: string;
}

/** The patch in an OPatch patch directory, or why it is not one. */
export function opatchMeta(host: LabHost, dir: string): OpatchMeta | string {
  const file = host.files[`${dir.replace(/\/+$/, '')}/etc/config/inventory.xml`];
  if (!file) return `Unable to create Patch Object.\nException occured : Patch ${dir} does not have etc/config/inventory.xml`;
  const xml = fileText(file);
  const id = /<patch_id\s+number="(\d+)"\s*\/>/.exec(xml)?.[1] ?? /<patch_id>(\d+)<\/patch_id>/.exec(xml)?.[1];
  if (!id) return `Unable to create Patch Object.\nException occured : ${dir}/etc/config/inventory.xml has no patch_id`;
  const description = /<patch_description>([^<]*)<\/patch_description>/.exec(xml)?.[1]?.trim() || 'One-off';
  return { id, description };
}

/** BSU: what the download directory's catalog says of a patch (`<description>`, `<bug>`), when it lists it. */
export function bsuCatalogEntry(host: LabHost, dir: string, id: string): { description: string | null; bug: string | null } {
  const prefix = `${dir.replace(/\/+$/, '')}/`;
  for (const [path, file] of Object.entries(host.files)) {
    if (!path.startsWith(prefix) || !/\/patch-catalog[^/]*\.xml$/.test(path)) continue;
    for (const m of fileText(file).matchAll(/<patch>([\s\S]*?)<\/patch>/g)) {
      if (!m[1]!.includes(`<patchId>${id}</patchId>`)) continue;
      return { description: /<description>([^<]*)<\/description>/.exec(m[1]!)?.[1]?.trim() ?? null, bug: /<bug>(\d+)<\/bug>/.exec(m[1]!)?.[1] ?? null };
    }
  }
  return { description: null, bug: null };
}

/** Is a PSU (BSU PSUs are mutually exclusive: one per product installation)? */
export function isPsu(description: string): boolean {
  return /PATCH SET UPDATE/i.test(description);
}
