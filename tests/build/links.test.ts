/** No broken internal link or anchor anywhere in dist/. */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type HTMLElement } from 'node-html-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, htmlFiles, requireDist } from '../helpers/dist.ts';

/** The file a site path is served from, or undefined. */
function fileFor(pathname: string): string | undefined {
  const path = join(DIST, decodeURIComponent(pathname));
  if (existsSync(path) && statSync(path).isFile()) return path;
  if (existsSync(join(path, 'index.html'))) return join(path, 'index.html');
  return undefined;
}

const parsed = new Map<string, HTMLElement>();
const dom = (file: string) => {
  if (!parsed.has(file)) parsed.set(file, parse(readFileSync(file, 'utf8')));
  return parsed.get(file)!;
};

beforeAll(() => requireDist());

describe('internal links', () => {
  it('every link, script, stylesheet and anchor of every page resolves', () => {
    const broken: string[] = [];
    let checked = 0;
    for (const page of htmlFiles()) {
      const base = new URL(`http://site/${page.replace(/index\.html$/, '')}`);
      for (const el of dom(join(DIST, page)).querySelectorAll('a[href], link[href], script[src], form[action]')) {
        const raw = el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action')!;
        if (el.getAttribute('rel') === 'canonical' || el.getAttribute('rel') === 'alternate') continue;
        const url = new URL(raw, base);
        if (url.host !== 'site') continue; // external links are the sources' addresses, not ours to check
        checked++;
        const target = fileFor(url.pathname);
        if (!target) {
          broken.push(`${page}: ${raw}`);
          continue;
        }
        const id = decodeURIComponent(url.hash.slice(1)).split(':~:')[0];
        if (id && target.endsWith('.html') && !dom(target).querySelector(`[id="${id.replace(/"/g, '\\"')}"]`)) broken.push(`${page}: ${raw} (no #${id})`);
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(1000);
  });
});
