import * as fs from 'fs';
import * as path from 'path';

/**
 * Writes each `[file, content]` (UTF-8), creating directories as needed, but leaves a file alone
 * when it already holds exactly these bytes: a re-synth of an unchanged platform touches no file
 * (no new modification times for Git, editors or GitOps engines watching the directory).
 */
export function writeFilesIfChanged(files: Array<[string, string]>): void {
  const made = new Set<string>();
  for (const [file, text] of files) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const data = Buffer.from(text, 'utf8');
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && stat.size === data.length && fs.readFileSync(file).equals(data)) continue;
    fs.writeFileSync(file, data);
  }
}
