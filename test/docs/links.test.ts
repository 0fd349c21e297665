/**
 * Every relative link in README.md and docs/*.md points at a file that exists, and every
 * `#anchor` at a heading of its target (GitHub's slugs).
 */
import * as fs from 'fs';
import * as path from 'path';

const root = path.resolve(__dirname, '..', '..');
const pages = ['README.md', ...fs.readdirSync(path.join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

/** GitHub's anchor of a heading. */
function slug(heading: string): string {
  return heading.trim().toLowerCase().replace(/[`*_~]/g, '').replace(/[^\p{L}\p{N}\s-]/gu, '').replace(/\s/g, '-');
}

function anchors(file: string): Set<string> {
  const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '');
  return new Set(text.split('\n').filter((l) => /^#{1,6} /.test(l)).map((l) => slug(l.replace(/^#+ /, ''))));
}

function links(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8').replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]).filter((l) => !/^[a-z]+:/.test(l));
}

describe.each(pages)('%s', (page) => {
  test('given its relative links, when resolved, then each target file and anchor exists', () => {
    const broken: string[] = [];
    for (const link of links(path.join(root, page))) {
      const [target, anchor] = link.split('#');
      const file = target === '' ? path.join(root, page) : path.resolve(path.dirname(path.join(root, page)), target);
      if (!fs.existsSync(file)) {
        broken.push(`${link}: no such file`);
        continue;
      }
      if (anchor && file.endsWith('.md') && !anchors(file).has(anchor)) broken.push(`${link}: no heading '#${anchor}'`);
    }
    expect(broken).toEqual([]);
  });
});
