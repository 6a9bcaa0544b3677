/**
 * Hostile and broken input: the importer must finish and either import
 * or refuse with one of its own errors and a message — never crash or hang.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DecodeError } from '../../src/lib/importer/inputs/decode.ts';
import { NoArticleError } from '../../src/lib/importer/inputs/html/html-to-markdown.ts';
import { ImportError, importReport } from '../../src/lib/importer/import-report.ts';

const fixture = (p: string) => readFileSync(new URL(`../fixtures/${p}`, import.meta.url));
const seed = fixture('sources/seeds/001_bf5ecd9232e06092.txt');
const html = fixture('sources/corpus/80613_平潭综合实验区2021年度政府信息公开工作年度报告/page.html');

/** A small deterministic generator, so a failure can be reproduced. */
function random(seedValue: number) {
  let s = seedValue >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const OWN_ERRORS = [ImportError, DecodeError, NoArticleError];

/** Import or refuse with the importer's own error. A hang (say, a regex gone exponential) is caught by the test's time-out, not by a clock here. */
function survives(name: string, path: string, bytes: Uint8Array): 'imported' | 'refused' {
  try {
    importReport(path, bytes, { agencies: [] });
    return 'imported';
  } catch (error) {
    expect(OWN_ERRORS.some((E) => error instanceof E), `${name}: ${String(error)}`).toBe(true);
    expect((error as Error).message.length, name).toBeGreaterThan(3);
    return 'refused';
  }
}

describe('importer fuzz', () => {
  it('survives truncated files at random points, text and HTML', () => {
    const next = random(42);
    const outcomes = new Set<string>();
    for (let i = 0; i < 40; i++) {
      outcomes.add(survives(`txt cut ${i}`, 'cut.txt', seed.subarray(0, Math.floor(next() * seed.length))));
      outcomes.add(survives(`html cut ${i}`, 'cut.html', html.subarray(0, Math.floor(next() * html.length))));
    }
    expect(outcomes).toEqual(new Set(['imported', 'refused']));
  });

  it('refuses binary garbage, empty files and wrong encodings with a reason', () => {
    const next = random(7);
    const garbage = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
    expect(survives('garbage', 'x.txt', garbage)).toBe('refused');
    expect(survives('garbage html', 'x.html', garbage)).toBe('refused');
    expect(survives('empty', 'x.txt', new Uint8Array())).toBe('refused');
    const utf16 = new Uint8Array(Buffer.from(`\ufeff${seed.toString('utf8')}`, 'utf16le'));
    expect(survives('utf-16', 'x.txt', utf16)).toBe('refused');
  });

  it('copes with a 1 MB single line, in text and in HTML', () => {
    const line = `某局2014年政府信息公开工作年度报告\n${'主动公开信息，'.repeat(150_000)}`;
    expect(['imported', 'refused']).toContain(survives('1 MB text', 'long.txt', new TextEncoder().encode(line)));
    const page = `<html><body><div class="article_content"><p>${'公开'.repeat(500_000)}</p></div></body></html>`;
    expect(['imported', 'refused']).toContain(survives('1 MB html', 'long.html', new TextEncoder().encode(page)));
  });

  it('refuses HTML without an article, and mangled markup', () => {
    expect(survives('no article', 'x.html', new TextEncoder().encode('<html><body><nav>首页 | 机构</nav><footer>版权所有</footer></body></html>'))).toBe('refused');
    const mangled = html.toString('utf8').replace(/<\/?(td|tr|table)[^>]*>/g, (m, _t, at: number) => (at % 3 === 0 ? '' : m));
    expect(['imported', 'refused']).toContain(survives('mangled tables', 'x.html', new TextEncoder().encode(mangled)));
  });
});
