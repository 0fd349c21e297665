/** A CEL construct this interpreter does not implement. Reported, never silently passed. */
export class CelUnsupportedError extends Error {
  constructor(what: string) {
    super(`unsupported CEL: ${what}`);
    this.name = 'CelUnsupportedError';
    Object.setPrototypeOf(this, CelUnsupportedError.prototype);
  }
}

/** A syntax error in a CEL expression. */
export class CelSyntaxError extends Error {
  constructor(message: string, public readonly position: number) {
    super(`CEL syntax error at ${position}: ${message}`);
    this.name = 'CelSyntaxError';
    Object.setPrototypeOf(this, CelSyntaxError.prototype);
  }
}

/** A runtime error of a CEL evaluation (no such key, no matching overload, ...). */
export class CelEvalError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CelEvalError';
    Object.setPrototypeOf(this, CelEvalError.prototype);
  }
}
