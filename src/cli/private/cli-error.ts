import { EXIT_FINDINGS } from './io';

/** A failure a command reports in one line (no stack trace), with its exit status. */
export class CliError extends Error {
  constructor(message: string, public readonly exitCode: number = EXIT_FINDINGS) {
    super(message);
    this.name = 'CliError';
  }
}
