/** The compare page's type-ahead index and matching (src/lib/agency-picker.ts), with pinyin-pro's initials. */
import { pinyin } from 'pinyin-pro';
import { describe, expect, it } from 'vitest';
import { agencyIndex, matchAgencies, type IndexedAgency } from '../../src/lib/agency-picker.ts';

const initialsOf = (name: string) => pinyin(name, { pattern: 'first', toneType: 'none', separator: '' }).replace(/[^a-z]/gi, '');
const pinyinOf = (name: string) => pinyin(name, { toneType: 'none', separator: '' }).replace(/[^a-z]/gi, '');
const agency = (id: string, shortName: string, name: string, aliases: string[] = [], province = '福建省', city?: string, county?: string): IndexedAgency =>
  ({ id, shortName, name, aliases, province, city, county, divisionCode: id.split('-')[0] });
const index = agencyIndex([
  agency('350128-guanweihui', '平潭综合实验区', '平潭综合实验区管理委员会', ['平潭综合实验区管委会'], '福建省', '福州市', '平潭县'),
  agency('350128-renminzhengfu', '平潭县人民政府', '平潭县人民政府', [], '福建省', '福州市', '平潭县'),
  agency('370303-jiaoyuju', '张店区教育局', '淄博市张店区教育局', [], '山东省', '淄博市', '张店区'),
  agency('500000-renminzhengfu', '重庆市人民政府', '重庆市人民政府', [], '重庆市'),
], initialsOf, pinyinOf);
const ids = (query: string) => matchAgencies(index, query).map(([id]) => id);

describe('agency type-ahead', () => {
  it('keeps each agency\'s names and the initials of each, once', () => {
    expect(index.agencies[0]).toEqual([
      '350128-guanweihui', '平潭综合实验区', '平潭综合实验区管理委员会', ['平潭综合实验区管委会'], 'ptzhsyq ptzhsyqglwyh ptzhsyqgwh', '福建省',
      'pingtanzongheshiyanqu pingtanzongheshiyanquguanliweiyuanhui pingtanzongheshiyanquguanweihui', '福州市 平潭县', '350128',
    ]);
    expect(index.agencies[1]![4]).toBe('ptxrmzf');
  });

  it('matches Chinese anywhere in a name or alias, a match at the start first', () => {
    expect(ids('平潭')).toEqual(['350128-guanweihui', '350128-renminzhengfu']); // equal short names' length: index order
    expect(ids('教育局')).toEqual(['370303-jiaoyuju']);
    expect(ids('淄博')).toEqual(['370303-jiaoyuju']);
    expect(ids('管委会')).toEqual(['350128-guanweihui']);
    expect(ids('人民政府')).toEqual(['350128-renminzhengfu', '500000-renminzhengfu']);
  });

  it('matches pinyin initials, in either case, polyphones read by word (重庆: cq)', () => {
    expect(ids('ptzh')).toEqual(['350128-guanweihui']);
    expect(ids('PT')).toEqual(['350128-guanweihui', '350128-renminzhengfu']);
    expect(ids('cqs')).toEqual(['500000-renminzhengfu']);
    expect(ids('jyj')).toEqual(['370303-jiaoyuju']);
  });

  it('matches full pinyin, a province, city or county after the names, and a division code from its start', () => {
    expect(ids('pingtan')).toEqual(['350128-guanweihui', '350128-renminzhengfu']);
    expect(ids('zhangdian')).toEqual(['370303-jiaoyuju']);
    expect(ids('山东')).toEqual(['370303-jiaoyuju']);
    expect(ids('福州')).toEqual(['350128-guanweihui', '350128-renminzhengfu']);
    // 重庆 is in a name and is a province: the name match comes first either way.
    expect(ids('重庆')).toEqual(['500000-renminzhengfu']);
    expect(ids('350128')).toEqual(['350128-guanweihui', '350128-renminzhengfu']);
    expect(ids('37')).toEqual(['370303-jiaoyuju']);
    expect(ids('3703039')).toEqual([]);
  });

  it('matches nothing for an empty query or one no name has, and stops at the limit', () => {
    expect(ids('  ')).toEqual([]);
    expect(ids('北京')).toEqual([]);
    expect(matchAgencies(index, '政府', 1)).toHaveLength(1);
  });

  it('works over 10,000 agencies', () => {
    const many = agencyIndex(Array.from({ length: 10_000 }, (_, i) => agency(`${100000 + i}-a`, `第${i}号机构`, `某市第${i}号机构`)), initialsOf);
    expect(many.agencies).toHaveLength(10_000);
    expect(matchAgencies(many, '第9999号').map(([id]) => id)).toEqual(['109999-a']);
    expect(matchAgencies(many, '机构')).toHaveLength(12);
  });
});
