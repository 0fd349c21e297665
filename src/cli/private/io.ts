/** Where the CLI writes and what it defaults to. */
export interface CliIo {
  /** Writes to standard output. */
  readonly stdout: (s: string) => void;
  /** Writes to standard error. */
  readonly stderr: (s: string) => void;
  /** The CRD directory used without `--crds`. */
  readonly defaultCrdDir: string;
  /**
   * The working directory commands resolve `cdk8s.yaml`, `--app` and Git from.
   * @default process.cwd()
   */
  readonly cwd?: string;
}

/** Exit status: success. */
export const EXIT_OK = 0;
/** Exit status: findings, errors in a plan, a failed program. */
export const EXIT_FINDINGS = 1;
/** Exit status: bad usage. */
export const EXIT_USAGE = 2;
/** Exit status: the command itself failed (an internal error; its output is incomplete). */
export const EXIT_INTERNAL = 3;

/** Exit codes of the CLI. */
export const EXIT_CODES = { ok: EXIT_OK, findings: EXIT_FINDINGS, usage: EXIT_USAGE, internalError: EXIT_INTERNAL };
