import { Issue } from '../issue';

/** Webhook rules of the BYOH provider (capi-notes §3). */
export function byohIssues(obj: any, group: string): Issue[] {
  const issues: Issue[] = [];
  if (group !== 'infrastructure.cluster.x-k8s.io' || obj.kind !== 'BootstrapKubeconfig') return issues;
  const spec = obj.spec ?? {};
  const server = spec.apiserver;
  if (typeof server === 'string' && !validApiServer(server)) {
    issues.push({ path: 'spec.apiserver', message: `Invalid value: "${server}": APIServer must be of the form https://<host>:<port>`, rule: 'webhook' });
  }
  const ca = spec['certificate-authority-data'];
  if (typeof ca === 'string' && !validCaData(ca)) {
    issues.push({ path: 'spec.certificate-authority-data', message: 'Invalid value: certificate-authority-data must be the base64 encoding of a PEM certificate', rule: 'webhook' });
  }
  return issues;
}

function validApiServer(s: string): boolean {
  const m = /^https:\/\/(\[[0-9a-fA-F:.]+\]|[^/:?#\s]+):(\d{1,5})\/?$/.exec(s);
  return m !== null && Number(m[2]) >= 1 && Number(m[2]) <= 65535;
}

function validCaData(s: string): boolean {
  if (!/^[A-Za-z0-9+/\s]+={0,2}\s*$/.test(s)) return false;
  const decoded = Buffer.from(s, 'base64').toString('utf8');
  return /-----BEGIN CERTIFICATE-----[\s\S]+-----END CERTIFICATE-----/.test(decoded);
}
