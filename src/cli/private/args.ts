/** One option a command accepts. */
export interface OptionSpec {
  /** Long name without dashes (`json`, `crds`). */
  readonly name: string;
  /** A flag takes no value; `value` takes one; `list` takes one and may repeat. */
  readonly kind: 'flag' | 'value' | 'list';
  /** What the value is, for messages (`DIR`). */
  readonly placeholder?: string;
  /** One-letter alias without the dash. */
  readonly short?: string;
}

/** Parsed command line of one command. */
export interface ParsedArgs {
  readonly flags: Set<string>;
  readonly values: Map<string, string>;
  readonly lists: Map<string, string[]>;
  readonly positionals: string[];
  readonly help: boolean;
}

/** A command line the command cannot run; printed with the usage, exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Parses `--flag`, `--name VALUE`, `--name=VALUE`, `-h`/`--help`, `--` and positionals.
 * Unknown options and missing values are `UsageError`s.
 */
export function parseArgs(args: readonly string[], specs: readonly OptionSpec[]): ParsedArgs {
  const flags = new Set<string>();
  const values = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  let help = false;
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '-h' || a === '--help') { help = true; continue; }
    if (a === '--') { positionals.push(...args.slice(i + 1)); break; }
    if (!a.startsWith('-') || a === '-') { positionals.push(a); continue; }
    const eq = a.indexOf('=');
    const key = a.startsWith('--') ? a.slice(2, eq >= 0 ? eq : undefined) : a.slice(1);
    const spec = specs.find((s) => (a.startsWith('--') ? s.name === key : s.short === key));
    if (!spec) throw new UsageError(`unknown option '${a}'`);
    if (spec.kind === 'flag') {
      if (eq >= 0) throw new UsageError(`option '--${spec.name}' takes no value`);
      flags.add(spec.name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) {value = a.slice(eq + 1);} else { i++; value = args[i]; }
    if (value === undefined || value === '') throw new UsageError(`option '--${spec.name}' needs ${spec.placeholder ?? 'a value'}`);
    if (spec.kind === 'value') {
      if (values.has(spec.name)) throw new UsageError(`option '--${spec.name}' given twice`);
      values.set(spec.name, value);
    } else {
      lists.set(spec.name, [...(lists.get(spec.name) ?? []), value]);
    }
  }
  return { flags, values, lists, positionals, help };
}
