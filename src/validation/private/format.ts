import { Finding } from '../finding';

/** One line of text for a finding: `file: Kind namespace/name: path: message [rule]`. */
export function formatFinding(f: Finding): string {
  const object = `${f.kind || '<no kind>'} ${f.namespace ? f.namespace + '/' : ''}${f.name || '<no name>'}`;
  const where = f.path ? `${f.path}: ` : '';
  return `${f.file ? f.file + ': ' : ''}${object}: ${where}${f.message} [${f.rule}]`;
}
