/**
 * Puts the layer that set a value into a construct's error message:
 * `controlPlane.replicas (2) must be odd …` becomes `controlPlane.replicas (2) set by site 'seoul' must be odd …`.
 */

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The message with the setting layer of each field it names. `scope` is the field path prefix of
 * the construct that raised it (`''` for a cluster, `nodePools.<pool>.` for a pool); fields are
 * looked up with and without `aliases` prefixes (e.g. `aws.` for infrastructure settings).
 */
export function annotateMessage(message: string, provenance: Map<string, string>, scope: string, aliases: Record<string, string> = {}): string {
  // relative name in the message -> layer
  const names = new Map<string, string>();
  for (const [path, label] of provenance) {
    if (scope && path.startsWith(scope)) names.set(path.slice(scope.length), label);
    else if (!scope) names.set(path, label);
    for (const [prefix, replacement] of Object.entries(aliases)) {
      if (path.startsWith(prefix)) {
        const rel = replacement + path.slice(prefix.length);
        if (!names.has(rel)) names.set(rel, label);
      }
    }
  }
  // a field's last segment alone (`maxSize` for `autoscaling.maxSize`), when no other field ends so
  const tails = new Map<string, string[]>();
  for (const name of names.keys()) {
    const tail = name.slice(name.lastIndexOf('.') + 1);
    if (tail !== name && !tail.includes('[')) tails.set(tail, [...(tails.get(tail) ?? []), name]);
  }
  for (const [tail, full] of tails) if (full.length === 1 && !names.has(tail)) names.set(tail, names.get(full[0])!);
  // longest names first so that `autoscaling.minSize` wins over `autoscaling`
  const matches: Array<{ index: number; end: number; label: string }> = [];
  for (const name of [...names.keys()].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`(^|[\\s(])${escapeRegExp(name)}(?![\\w.\\[])( \\([^)]*\\)| '[^']*')?`);
    const m = re.exec(message);
    if (!m) continue;
    const index = m.index + m[1].length;
    const end = m.index + m[0].length;
    if (matches.some((o) => index < o.end && o.index < end)) continue;
    matches.push({ index, end, label: names.get(name)! });
  }
  matches.sort((a, b) => b.end - a.end);
  let out = message;
  for (const m of matches.slice(-3)) out = `${out.slice(0, m.end)} set by ${m.label}${out.slice(m.end)}`;
  return out;
}
