import { IConstruct } from 'constructs';

/**
 * The one error type of capi-blueprints: a configuration that would produce manifests an API
 * server (or the provider behind it) rejects, or a configuration that makes no sense.
 *
 * The message always names the construct path, the offending value and how to fix it.
 *
 * Plain TypeScript/JavaScript class (jsii cannot model subclasses of `Error`): other jsii
 * languages see the message of the thrown error.
 *
 * @jsii ignore
 */
export class ValidationError extends Error {
  /** Whether `x` is a capi-blueprints ValidationError (works across package copies). */
  public static isValidationError(x: unknown): x is ValidationError {
    return x !== null && typeof x === 'object' && (x as any).__capiBlueprintsValidationError === true;
  }

  /** The construct path the error is about, e.g. `prod/workers`. */
  public readonly path: string;

  /**
   * @param scope the construct the error is about (its path is put in front of the message)
   * @param message what is wrong, the offending value and how to fix it
   */
  constructor(scope: IConstruct | string, message: string) {
    const path = typeof scope === 'string' ? scope : scope.node.path;
    super(`${path}: ${message}`);
    this.name = 'ValidationError';
    this.path = path;
    Object.defineProperty(this, '__capiBlueprintsValidationError', { value: true });
    Object.setPrototypeOf(this, ValidationError.prototype);
  }
}
