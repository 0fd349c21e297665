import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { writeFilesIfChanged } from '../../src/output/write-files';

describe('writeFilesIfChanged', () => {
  let tmp: string;
  beforeEach(() => { tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'write-files-')); });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  const past = new Date('2020-01-01T00:00:00Z');
  const age = (f: string) => fs.utimesSync(path.join(tmp, f), past, past);
  const isUntouched = (f: string) => fs.statSync(path.join(tmp, f)).mtime.getTime() === past.getTime();

  test('given new files in missing directories, when written, then the directories are created and the files hold the text', () => {
    writeFilesIfChanged([[path.join(tmp, 'a', 'b', 'one.yaml'), 'one: 1\n'], [path.join(tmp, 'two.yaml'), 'zwei: 2 ✓\n']]);
    expect(fs.readFileSync(path.join(tmp, 'a', 'b', 'one.yaml'), 'utf8')).toEqual('one: 1\n');
    expect(fs.readFileSync(path.join(tmp, 'two.yaml'), 'utf8')).toEqual('zwei: 2 ✓\n');
  });

  test('given files with the same bytes, when written again, then they are not touched; a changed file (even of the same size) is rewritten', () => {
    const files: Array<[string, string]> = [[path.join(tmp, 'same.yaml'), 'a: 1\n'], [path.join(tmp, 'edited.yaml'), 'b: 1\n'], [path.join(tmp, 'longer.yaml'), 'c: 1\n']];
    writeFilesIfChanged(files);
    for (const f of ['same.yaml', 'edited.yaml', 'longer.yaml']) age(f);
    writeFilesIfChanged([files[0], [files[1][0], 'b: 2\n'], [files[2][0], 'c: 10\n']]);
    expect(isUntouched('same.yaml')).toBe(true);
    expect(isUntouched('edited.yaml')).toBe(false);
    expect(fs.readFileSync(path.join(tmp, 'edited.yaml'), 'utf8')).toEqual('b: 2\n');
    expect(fs.readFileSync(path.join(tmp, 'longer.yaml'), 'utf8')).toEqual('c: 10\n');
  });
});
