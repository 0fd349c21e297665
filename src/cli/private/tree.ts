import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { CliError } from './cli-error';
import { EXIT_USAGE } from './io';

/** One Kubernetes object of a synthesized tree and the file it came from. */
export interface TreeObject {
  /** The parsed object. */
  readonly obj: any;
  /** Its file, relative to the tree's root, with `/` separators. */
  readonly file: string;
  /** The management cluster whose folder holds it (GitOps layout), else ''. */
  readonly managementCluster: string;
  /** `kind/namespace/name` (namespace `default` when unset; cluster-scoped kinds keep ''). */
  readonly id: string;
}

/** A synthesized tree: the flat `*.k8s.yaml` layout or the GitOps repository layout. */
export interface Tree {
  readonly root: string;
  readonly layout: 'gitops' | 'flat';
  readonly objects: TreeObject[];
}

const CLUSTER_SCOPED = new Set(['Namespace', 'CustomResourceDefinition', 'ClusterRole', 'ClusterRoleBinding', 'AWSClusterControllerIdentity', 'AWSClusterRoleIdentity', 'AWSClusterStaticIdentity']);

/** `kind/namespace/name` of an object. */
export function objectId(obj: any): string {
  const kind = String(obj?.kind ?? '');
  const ns = CLUSTER_SCOPED.has(kind) ? '' : String(obj?.metadata?.namespace ?? 'default');
  return `${kind}/${ns}/${String(obj?.metadata?.name ?? '')}`;
}

function listYaml(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.ya?ml$/.test(e.name)) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** The management cluster of a file of the GitOps layout (`clusters/<mgmt>/…`, `management/<mgmt>/…`, `bootstrap/<mgmt>/…`). */
function managementOf(rel: string): string {
  const m = /^(clusters|management|bootstrap)\/([^/]+)\//.exec(rel);
  return m ? m[2] : '';
}

/**
 * Reads every YAML document of a directory (or one file). Lists (`kind: List`) are flattened;
 * documents without `kind` are skipped. A file that is not YAML is an error naming it.
 */
export function loadTree(root: string): Tree {
  if (!fs.existsSync(root)) throw new CliError(`no such file or directory: ${root}`, EXIT_USAGE);
  const isDir = fs.statSync(root).isDirectory();
  const files = isDir ? listYaml(root) : [root];
  const objects: TreeObject[] = [];
  let gitops = false;
  for (const file of files) {
    const rel = isDir ? path.relative(root, file).split(path.sep).join('/') : path.basename(file);
    const mgmt = managementOf(rel);
    if (mgmt) gitops = true;
    const docs = parseAllDocuments(fs.readFileSync(file, 'utf8'), { maxAliasCount: -1 } as any);
    for (const doc of Array.isArray(docs) ? docs : [docs]) {
      if ((doc as any).errors?.length) throw new CliError(`${file}: not valid YAML: ${(doc as any).errors[0].message.split('\n')[0]}`);
      const value = doc.toJS({ maxAliasCount: -1 });
      const items = value?.kind === 'List' && Array.isArray(value.items) ? value.items : [value];
      for (const obj of items) {
        if (!obj || typeof obj !== 'object' || typeof obj.kind !== 'string') continue;
        objects.push({ obj, file: rel, managementCluster: mgmt, id: objectId(obj) });
      }
    }
  }
  return { root, layout: gitops ? 'gitops' : 'flat', objects };
}
