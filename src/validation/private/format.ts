import { Finding, FindingRule } from '../finding';

/**
 * One line of text for a finding: `file: Kind namespace/name: path: message [rule]`, or
 * `file: message [input]` for an input that could not be read as objects.
 */
export function formatFinding(f: Finding): string {
  if (f.rule === FindingRule.INPUT && !f.kind && !f.name) return `${f.file ? f.file + ': ' : ''}${f.message} [${f.rule}]`;
  const object = `${f.kind || '<no kind>'} ${f.namespace ? f.namespace + '/' : ''}${f.name || '<no name>'}`;
  const where = f.path ? `${f.path}: ` : '';
  return `${f.file ? f.file + ': ' : ''}${object}: ${where}${f.message} [${f.rule}]`;
}
