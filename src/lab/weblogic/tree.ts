/**
 * A small generic MBean tree: beans (properties + children) and collections (named items).
 * The REST server renders it as the 12.2.1 bean-tree JSON, the WLST interpreter walks it with
 * cd/ls/get. Config and runtime trees are built from LabDomain per request (config-tree.ts,
 * runtime-tree.ts).
 */

export type Props = Record<string, unknown>;

export interface Bean {
  kind: 'bean';
  type: string;
  props: Props;
  children: Record<string, Bean | Collection>;
  /** Names of POST actions the bean offers (rendered as rel=action links). */
  actions?: string[];
  /** Canonical edit path (REST segments joined by '/') when the bean's attributes are editable. */
  editPath?: string;
  /** Attributes that can be set but are never shown (a data source's password). */
  writeOnly?: string[];
}

export interface Collection {
  kind: 'collection';
  items: Record<string, Bean>;
}

export function bean(type: string, props: Props, children: Record<string, Bean | Collection> = {}, extra: Partial<Bean> = {}): Bean {
  return { kind: 'bean', type, props, children, ...extra };
}

export function collection(items: Bean[]): Collection {
  const out: Record<string, Bean> = {};
  for (const b of items) out[String(b.props.name)] = b;
  return { kind: 'collection', items: out };
}

/** Walks REST path segments from a root bean; undefined when a segment does not exist. */
export function walk(root: Bean, segs: string[]): Bean | Collection | undefined {
  let node: Bean | Collection = root;
  for (const seg of segs) {
    const next: Bean | Collection | undefined = node.kind === 'bean' ? node.children[seg] : node.items[seg];
    if (!next) return undefined;
    node = next;
  }
  return node;
}

export interface RenderOptions {
  /** Absolute URL of the node being rendered (for links). */
  href: string;
  fields?: string[];
  excludeFields?: string[];
  links: boolean;
}

function filterProps(props: Props, o: Pick<RenderOptions, 'fields' | 'excludeFields'>): Props {
  const out: Props = {};
  for (const [k, v] of Object.entries(props)) {
    if (o.fields && !o.fields.includes(k)) continue;
    if (o.excludeFields?.includes(k)) continue;
    out[k] = v;
  }
  return out;
}

function beanLinks(b: Bean, href: string): Array<Record<string, string>> {
  const parent = href.slice(0, href.lastIndexOf('/'));
  const links: Array<Record<string, string>> = [
    { rel: 'parent', href: parent },
    { rel: 'self', href },
    { rel: 'canonical', href },
  ];
  for (const c of Object.keys(b.children)) links.push({ rel: c, href: `${href}/${c}` });
  for (const a of b.actions ?? []) links.push({ rel: 'action', href: `${href}/${a}`, title: a });
  return links;
}

/** Renders a bean or collection as WebLogic's REST JSON (`links` first, then properties/items). */
export function render(node: Bean | Collection, o: RenderOptions): Props {
  if (node.kind === 'bean') {
    const body: Props = o.links ? { links: beanLinks(node, o.href) } : {};
    return { ...body, ...filterProps(node.props, o) };
  }
  const items = Object.entries(node.items).map(([name, b]) => {
    const href = `${o.href}/${encodeURIComponent(name)}`;
    const links = o.links ? { links: [{ rel: 'self', href }, { rel: 'canonical', href }] } : {};
    return { ...links, ...filterProps(b.props, o) };
  });
  const parent = o.href.slice(0, o.href.lastIndexOf('/'));
  return o.links ? { links: [{ rel: 'parent', href: parent }, { rel: 'self', href: o.href }, { rel: 'canonical', href: o.href }], items } : { items };
}

/** A `search` query node (weblogic.md §2.4). */
export interface SearchQuery {
  fields?: string[];
  excludeFields?: string[];
  links?: unknown;
  name?: string[];
  children?: Record<string, SearchQuery>;
}

/** Evaluates a bulk `search` query: fields absent = all, [] = none; `name` filters items. */
export function search(node: Bean | Collection, q: SearchQuery): Props {
  if (node.kind === 'collection') {
    const items = Object.entries(node.items)
      .filter(([n]) => !q.name || q.name.includes(n))
      .map(([, b]) => search(b, q));
    return { items };
  }
  const out = filterProps(node.props, q);
  for (const [name, sub] of Object.entries(q.children ?? {})) {
    const child = node.children[name];
    if (child) out[name] = search(child, sub);
  }
  return out;
}
