import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CliError } from '../private/cli-error';
import { CliIo, EXIT_USAGE } from '../private/io';
import { appCommand, runApp } from '../private/run-app';

function git(cwd: string, ...args: string[]): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new CliError(`git is needed for --git: ${r.error.message}`, EXIT_USAGE);
  if (r.status !== 0) throw new CliError(`git ${args.join(' ')}: ${(r.stderr || r.stdout).trim().split('\n')[0]}`, EXIT_USAGE);
  return r.stdout.trim();
}

/** Two synthesized trees: the program at a Git ref, and the working tree. */
export interface GitSynthesis {
  readonly oldDir: string;
  readonly newDir: string;
  readonly oldLabel: string;
  readonly newLabel: string;
  /** Removes the temporary worktree and output directories. */
  readonly cleanup: () => void;
}

/**
 * Synthesizes the program at `ref` in a temporary `git worktree` (sharing the working tree's
 * `node_modules`) and the working tree's program, each into a temporary directory.
 */
export function synthesizeAtRef(ref: string, cwd: string, appOverride: string | undefined, io: CliIo): GitSynthesis {
  const top = git(cwd, 'rev-parse', '--show-toplevel');
  const sha = git(cwd, 'rev-parse', '--verify', '--quiet', `${ref}^{commit}`);
  const rel = path.relative(fs.realpathSync(top), fs.realpathSync(cwd));
  const app = appCommand(cwd, appOverride);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'capi-blueprints-diff-'));
  const worktree = path.join(tmp, 'worktree');
  let added = false;
  const cleanup = () => {
    if (added) spawnSync('git', ['worktree', 'remove', '--force', worktree], { cwd: top });
    fs.rmSync(tmp, { recursive: true, force: true });
    if (added) spawnSync('git', ['worktree', 'prune'], { cwd: top });
  };
  try {
    git(top, 'worktree', 'add', '--detach', '--quiet', worktree, sha);
    added = true;
    // The ref's program runs with the working tree's installed packages.
    for (const dir of new Set([rel, ''])) {
      const modules = path.join(top, dir, 'node_modules');
      const target = path.join(worktree, dir, 'node_modules');
      if (fs.existsSync(modules) && fs.existsSync(path.dirname(target)) && !fs.existsSync(target)) fs.symlinkSync(modules, target, 'dir');
    }
    const oldDir = path.join(tmp, 'old');
    const newDir = path.join(tmp, 'new');
    const refCwd = path.join(worktree, rel);
    if (!fs.existsSync(refCwd)) throw new CliError(`${rel || '.'} does not exist at ${ref}`, EXIT_USAGE);
    runApp(app, refCwd, oldDir, io);
    runApp(app, cwd, newDir, io);
    return { oldDir, newDir, oldLabel: `${ref} (${sha.slice(0, 7)})`, newLabel: 'working tree', cleanup };
  } catch (e) {
    cleanup();
    throw e;
  }
}
