/**
 * The CLI's former single module: `runCli` (all commands) and the exit codes, kept for callers
 * that import it from here. The commands live in one folder each (`validate/`, `diff/`, …).
 */
export { runCli } from './cli';
export type { CliIo } from './private/io';
export { EXIT_CODES } from './private/io';
