const CACHE = new Map<string, RegExp | null>();

/**
 * Compile an RE2 (Go `regexp`) pattern as a JavaScript RegExp. Handles the RE2-only syntax the
 * CRDs and CEL rules use: leading `(?i)`/`(?s)`/`(?m)` flags, `\A`/`\z`, `(?P<name>` groups and
 * POSIX classes. Returns null when the pattern cannot be expressed.
 */
export function compilePattern(pattern: string): RegExp | null {
  const cached = CACHE.get(pattern);
  if (cached !== undefined) return cached;
  let src = pattern;
  let flags = '';
  const lead = /^\(\?([imsU]+)\)/.exec(src);
  if (lead) {
    src = src.slice(lead[0].length);
    for (const f of lead[1]) if ('ims'.includes(f) && !flags.includes(f)) flags += f;
  }
  src = src
    .replace(/\\A/g, '^')
    .replace(/\\z/g, '$')
    .replace(/\(\?P</g, '(?<')
    .replace(/\[:alpha:\]/g, 'A-Za-z')
    .replace(/\[:digit:\]/g, '0-9')
    .replace(/\[:alnum:\]/g, 'A-Za-z0-9')
    .replace(/\[:space:\]/g, '\\s')
    .replace(/\[:upper:\]/g, 'A-Z')
    .replace(/\[:lower:\]/g, 'a-z')
    .replace(/\[:xdigit:\]/g, '0-9A-Fa-f')
    .replace(/\[:punct:\]/g, '!-\\/:-@\\[-`{-~');
  let re: RegExp | null = null;
  try {
    re = new RegExp(src, flags);
  } catch {
    try {
      re = new RegExp(src, flags + 'u');
    } catch {
      re = null;
    }
  }
  CACHE.set(pattern, re);
  return re;
}
