/** Cutting lists that grow with the archive into numbered pages (src/lib/paginate.ts). */
import { describe, expect, it } from 'vitest';
import { pageLinks, pagePath, pageParam, pagerNumbers, pageTitle, paginate } from '../../src/lib/paginate.ts';

describe('paginate', () => {
  it('cuts a list into pages of at most the size, in order, each knowing its place', () => {
    const pages = paginate(Array.from({ length: 7 }, (_, i) => i), 3);
    expect(pages.map((p) => p.items)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(pages.map((p) => [p.number, p.count, p.total, p.start])).toEqual([[1, 3, 7, 0], [2, 3, 7, 3], [3, 3, 7, 6]]);
  });

  it('makes one empty page of an empty list, and one page of a list that fits', () => {
    expect(paginate([], 10)).toEqual([{ number: 1, count: 1, total: 0, start: 0, items: [] }]);
    expect(paginate([1, 2, 3], 3)).toHaveLength(1);
  });

  it('refuses a page size that is not a positive integer', () => {
    expect(() => paginate([1], 0)).toThrow('page size must be a positive integer, got 0');
    expect(() => paginate([1], 2.5)).toThrow('got 2.5');
  });
});

describe('page URLs and links', () => {
  it('keeps the list\'s own URL for page 1 and adds page/n/ after it', () => {
    expect(pagePath('/years/2023/', 1)).toBe('/years/2023/');
    expect(pagePath('/years/2023/', 4)).toBe('/years/2023/page/4/');
    expect(pageParam(1)).toBeUndefined();
    expect(pageParam(4)).toBe('page/4');
  });

  it('links the previous and next page only where they exist', () => {
    expect(pageLinks('/m/', { number: 1, count: 1 })).toEqual({});
    expect(pageLinks('/m/', { number: 1, count: 3 })).toEqual({ next: '/m/page/2/' });
    expect(pageLinks('/m/', { number: 2, count: 3 })).toEqual({ prev: '/m/', next: '/m/page/3/' });
    expect(pageLinks('/m/', { number: 3, count: 3 })).toEqual({ prev: '/m/page/2/' });
  });

  it('titles pages after the first with their number', () => {
    expect(pageTitle('2023年度报告', { number: 1 })).toBe('2023年度报告');
    expect(pageTitle('2023年度报告', { number: 2 })).toBe('2023年度报告（第 2 页）');
  });

  it('shows the first, the last and two pages either side of the current, with gaps marked', () => {
    expect(pagerNumbers(1, 1)).toEqual([1]);
    expect(pagerNumbers(1, 4)).toEqual([1, 2, 3, 4]);
    expect(pagerNumbers(1, 20)).toEqual([1, 2, 3, null, 20]);
    expect(pagerNumbers(10, 20)).toEqual([1, null, 8, 9, 10, 11, 12, null, 20]);
    expect(pagerNumbers(4, 20)).toEqual([1, 2, 3, 4, 5, 6, null, 20]);
    expect(pagerNumbers(20, 20)).toEqual([1, null, 18, 19, 20]);
  });
});
