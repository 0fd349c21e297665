import * as fs from 'fs';
import * as path from 'path';

/** What a file holds: text (written as UTF-8) or bytes. */
export type FileContent = string | Uint8Array;

/**
 * Writes each `[file, content]` (text as UTF-8), creating directories as needed, but leaves a file alone
 * when it already holds exactly these bytes: a re-synth of an unchanged platform touches no file
 * (no new modification times for Git, editors or GitOps engines watching the directory).
 */
export function writeFilesIfChanged(files: ReadonlyArray<readonly [string, FileContent]>): void {
  const made = new Set<string>();
  for (const [file, text] of files) {
    const dir = path.dirname(file);
    if (!made.has(dir)) {
      fs.mkdirSync(dir, { recursive: true });
      made.add(dir);
    }
    const data = typeof text === 'string' ? Buffer.from(text, 'utf8') : text;
    const stat = fs.statSync(file, { throwIfNoEntry: false });
    if (stat?.isFile() && stat.size === data.length && fs.readFileSync(file).equals(data)) continue;
    fs.writeFileSync(file, data);
  }
}
