/**
 * A registry and optional path to put in front of image names (`harbor.example.com:8443/mirror`),
 * by the image-reference grammar (distribution/reference): dot-separated host labels, an optional
 * port, then path components of lower-case letters and digits joined by `.`, `_`, `__` or dashes.
 * Lower case only (registries are addressed in lower case in practice, and a capital letter in a
 * path is invalid).
 */
const REGISTRY_PATH = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*(:\d{1,5})?(\/[a-z0-9]+(([._]|__|-+)[a-z0-9]+)*)*$/;

/** Whether `s` is a registry host with an optional port and path (no scheme, no trailing slash). */
export function isRegistryPath(s: string): boolean {
  return typeof s === 'string' && s.length <= 255 && REGISTRY_PATH.test(s);
}

/** An image tag (the image-reference grammar: at most 128 of letters, digits, `_`, `.`, `-`, not starting with `.` or `-`). */
export function isImageTag(s: string): boolean {
  return typeof s === 'string' && /^[\w][\w.-]{0,127}$/.test(s);
}
