import { Duration } from 'cdk8s';
import { wholeSeconds } from '../core/durations';
import { isDnsLabel, isDnsSubdomain } from '../core/names';
import { checkSecretName } from '../core/secrets';
import { ValidationError } from '../core/validation-error';

/** Where the platform's GitOps tree is committed. */
export interface GitRepositoryOptions {
  /**
   * URL of the Git repository: `https://host/org/repo.git` or `ssh://git@host[:port]/org/repo.git`
   * (Argo CD also takes the scp form `git@host:org/repo.git`; Flux does not). No credentials in it:
   * give them as a Secret.
   */
  readonly repoUrl: string;
  /**
   * Directory of the synthesized tree inside the repository (where `dist/` is committed).
   * @default - the repository root
   */
  readonly path?: string;
}

/** Options of `GitOps.argoCd`. */
export interface ArgoCdGitOpsOptions extends GitRepositoryOptions {
  /**
   * Git revision (branch, tag or commit) Argo CD tracks.
   * @default 'HEAD'
   */
  readonly revision?: string;
  /**
   * Namespace Argo CD runs in (its Applications live there).
   * @default 'argocd'
   */
  readonly namespace?: string;
  /**
   * Argo CD project of the generated Applications.
   * @default 'default'
   */
  readonly project?: string;
}

/** Options of `GitOps.flux`. */
export interface FluxGitOpsOptions extends GitRepositoryOptions {
  /**
   * Branch Flux tracks.
   * @default 'main'
   */
  readonly branch?: string;
  /**
   * Namespace Flux runs in (its GitRepository and Kustomizations live there).
   * @default 'flux-system'
   */
  readonly namespace?: string;
  /**
   * Secret (in Flux's namespace) with the credentials of the repository.
   * @default - none (a public repository)
   */
  readonly secretName?: string;
  /**
   * How often Flux reconciles.
   * @default Duration.minutes(10)
   */
  readonly interval?: Duration;
  /**
   * How long a cluster's Kustomization waits for the cluster to become ready before its addons
   * are applied.
   * @default Duration.minutes(30)
   */
  readonly clusterReadyTimeout?: Duration;
}

/** Which GitOps engine applies the tree on a management cluster. */
export enum GitOpsEngine {
  /** Argo CD: an app-of-apps root Application, sync waves for ordering. */
  ARGO_CD = 'argocd',
  /** Flux: a GitRepository and Kustomizations with `dependsOn` for ordering. */
  FLUX = 'flux',
}

/**
 * How a management cluster applies the platform's GitOps tree (`Platform` writes the engine's
 * root objects under `bootstrap/<management-cluster>/`).
 */
export class GitOps {
  /** Argo CD syncs the tree: one Application per folder under an app-of-apps root. */
  public static argoCd(options: ArgoCdGitOpsOptions): GitOps {
    const namespace = options.namespace ?? 'argocd';
    const project = options.project ?? 'default';
    checkRepository('GitOps.argoCd', options, true);
    if (!isDnsLabel(namespace)) throw new ValidationError('GitOps.argoCd', `namespace '${namespace}' is not a namespace name. Use the namespace Argo CD runs in, e.g. 'argocd'.`);
    if (!isDnsSubdomain(project)) throw new ValidationError('GitOps.argoCd', `project '${project}' is not an Argo CD project name. Use e.g. 'default'.`);
    const revision = options.revision ?? 'HEAD';
    if (revision !== 'HEAD' && !isGitRefName(revision, true)) throw new ValidationError('GitOps.argoCd', `revision '${revision}' is not a Git revision. Use a branch, tag or commit, e.g. 'main'.`);
    return new GitOps(GitOpsEngine.ARGO_CD, options.repoUrl, normalizePath(options.path), revision, namespace, project, undefined, 600, 1800);
  }

  /** Flux applies the tree: a GitRepository and one Kustomization per folder. */
  public static flux(options: FluxGitOpsOptions): GitOps {
    const namespace = options.namespace ?? 'flux-system';
    checkRepository('GitOps.flux', options, false);
    if (!isDnsLabel(namespace)) throw new ValidationError('GitOps.flux', `namespace '${namespace}' is not a namespace name. Use the namespace Flux runs in, e.g. 'flux-system'.`);
    const branch = options.branch ?? 'main';
    if (!isGitRefName(branch) || branch.startsWith('refs/')) {
      throw new ValidationError('GitOps.flux', `branch '${branch}' is not a Git branch name (Flux's ref.branch takes the short name). Use e.g. 'main'.`);
    }
    if (options.secretName !== undefined) checkSecretName('GitOps.flux', 'secretName', options.secretName, 'flux-git-auth');
    const interval = wholeSeconds('GitOps.flux', 'interval', options.interval) ?? 600;
    const timeout = wholeSeconds('GitOps.flux', 'clusterReadyTimeout', options.clusterReadyTimeout) ?? 1800;
    for (const [field, seconds] of [['interval', interval], ['clusterReadyTimeout', timeout]] as const) {
      if (seconds < 1) throw new ValidationError('GitOps.flux', `${field} (${seconds}s) must be at least 1 second. Use e.g. Duration.minutes(10).`);
    }
    const path = normalizePath(options.path);
    return new GitOps(GitOpsEngine.FLUX, options.repoUrl, path, branch, namespace, undefined, options.secretName, interval, timeout);
  }

  private constructor(
    /** The engine. */
    public readonly engine: GitOpsEngine,
    /** Repository URL. */
    public readonly repoUrl: string,
    /** Directory of the tree in the repository (`''` for the root). */
    public readonly path: string,
    /** Revision (Argo CD) or branch (Flux). */
    public readonly revision: string,
    /** Namespace of the engine. */
    public readonly namespace: string,
    /** Argo CD project. */
    public readonly project: string | undefined,
    /** Flux repository Secret. */
    public readonly secretName: string | undefined,
    /** Flux interval in seconds. */
    public readonly intervalSeconds: number,
    /** Flux cluster readiness timeout in seconds. */
    public readonly clusterReadyTimeoutSeconds: number,
  ) {}

  /** `relative` inside the repository (`platform/clusters/…`). */
  public repoPath(relative: string): string {
    return this.path ? `${this.path}/${relative}` : relative;
  }
}

/** `scheme://[user@]host[:port]/path`: a user name but no password, a numeric port. */
const GIT_URL = /^(https|ssh|http):\/\/(?:[\w.~%-]+@)?(?:[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?\/\S+$/;
/** scp-like `user@host:path` (Argo CD; Flux's GitRepository accepts http, https and ssh URLs only). */
const SCP_URL = /^[\w.-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?:\S+$/;

function checkRepository(where: string, options: GitRepositoryOptions, scpForm: boolean): void {
  const url = options.repoUrl;
  if (typeof url === 'string' && /^[a-z]+:\/\/[^/@\s]*:[^/@\s]*@/.test(url)) {
    throw new ValidationError(where, `repoUrl '${url.replace(/\/\/[^/@\s]*:[^/@\s]*@/, '//***@')}' has credentials in it, which would be committed to Git. Give the URL without them and the credentials as a Secret (secretName for Flux, a repository Secret for Argo CD).`);
  }
  if (typeof url !== 'string' || !(GIT_URL.test(url) || (scpForm && SCP_URL.test(url)))) {
    const scp = typeof url === 'string' && !scpForm && SCP_URL.test(url);
    const fix = scp ? ` Flux takes ssh://, not the scp form: 'ssh://${url.replace(/:\/?/, '/')}'.` : " Use e.g. 'https://github.com/acme/platform.git' or 'ssh://git@github.com/acme/platform.git'.";
    throw new ValidationError(where, `repoUrl '${url}' is not a Git repository URL${scp ? ' Flux can use' : ''}.${fix}`);
  }
  const p = options.path;
  if (p !== undefined && (p.split('/').some((s) => s === '..') || /\s/.test(p) || p.startsWith('/'))) {
    throw new ValidationError(where, `path '${p}' must be a relative directory inside the repository without '..' or spaces, e.g. 'platform'.`);
  }
}

/** `path` without a leading `./` (or a lone `.`) and trailing slashes; `.gitops` stays `.gitops`. */
function normalizePath(p: string | undefined): string {
  return (p ?? '').replace(/^\.(\/|$)/, '').replace(/\/+$/, '');
}

/**
 * `git check-ref-format` for a branch, tag or commit name: no empty or dot-led component, no `..`,
 * `@{`, control characters, space or any of `~^:?*[\`, no trailing `/`, `.` or `.lock`.
 */
function isGitRefName(ref: string, semverRange = false): boolean {
  if (typeof ref !== 'string' || ref === '' || ref === '@') return false;
  // Argo CD also tracks tags by semver range (`1.*`, `>=1.2.0 <2.0.0`)
  if (semverRange && /^[\d.*xX^~<>=| v-]+$/.test(ref) && /\d|\*/.test(ref)) return true;
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(ref) || ref.includes('..') || ref.includes('@{') || ref.includes('//')) return false;
  if (ref.startsWith('/') || ref.endsWith('/') || ref.endsWith('.') || ref.endsWith('.lock')) return false;
  return ref.split('/').every((part) => part !== '' && !part.startsWith('.') && !part.endsWith('.lock'));
}
