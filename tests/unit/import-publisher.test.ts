/** Who published a report: the title or the signature, matched to known agencies tolerantly, never by a shared prefix; unknown agencies placed by GB/T 2260. */
import { describe, expect, it } from 'vitest';
import { agencyNameInTitle, issuingBody } from '../../src/lib/importer/publisher/agency-name.ts';
import { placeOf } from '../../src/lib/importer/publisher/divisions.ts';
import { resolveAgency } from '../../src/lib/importer/publisher/known-agencies.ts';

const AGENCIES = [
  { id: '350128-guanweihui', name: '平潭综合实验区管理委员会', shortName: '平潭综合实验区', aliases: ['平潭综合实验区管委会'] },
  { id: '110109-jiaowei', name: '北京市门头沟区教育委员会', shortName: '门头沟区教委', aliases: ['门头沟区教育委员会'] },
  { id: '350128-renminzhengfu', name: '平潭县人民政府', shortName: '平潭县人民政府', aliases: [] },
];

describe('the agency a title names', () => {
  it('reads the name before the year, after it, and around 关于…的', () => {
    expect(agencyNameInTitle('平潭综合实验区地方税务局2013年政府信息公开工作年度报告')).toBe('平潭综合实验区地方税务局');
    expect(agencyNameInTitle('2014年北京市门头沟区教委政府信息公开工作年度报告')).toBe('北京市门头沟区教委');
    expect(agencyNameInTitle('南京市玄武区教育局关于2019年度政府信息公开工作的年度报告')).toBe('南京市玄武区教育局');
    expect(agencyNameInTitle('上海市徐汇区人民政府2022年政府信息公开工作年度报告（全文）')).toBe('上海市徐汇区人民政府');
    expect(agencyNameInTitle('2021年度政府信息公开工作年度报告')).toBeUndefined();
  });

  it('takes the issuing body signed above the closing date', () => {
    expect(issuingBody('正文。\n\n南京市玄武区教育局\n\n2020年1月20日\n')).toBe('南京市玄武区教育局');
    expect(issuingBody('正文。\n\n特此报告。\n\n2020年1月20日\n')).toBeUndefined();
  });
});

describe('known agencies', () => {
  it('matches names, short names and aliases tolerantly, and place names in front', () => {
    expect(resolveAgency('平潭综合实验区管委会', AGENCIES)?.id).toBe('350128-guanweihui');
    expect(resolveAgency('平潭综合实验区 管委会', AGENCIES)?.id).toBe('350128-guanweihui');
    expect(resolveAgency('北京市门头沟区教委', AGENCIES)?.id).toBe('110109-jiaowei');
  });

  it('never merges a body whose name only starts like a known one', () => {
    expect(resolveAgency('平潭综合实验区地方税务局', AGENCIES)).toBeUndefined();
    expect(resolveAgency('平潭县人民政府办公室', AGENCIES)).toBeUndefined();
  });
});

describe('places from names (GB/T 2260)', () => {
  it('fills province, city, county and code where the name determines them', () => {
    expect(placeOf('南京市玄武区教育局')).toEqual({ province: '江苏省', city: '南京市', county: '玄武区', divisionCode: '320102', level: '县级' });
    expect(placeOf('江苏省南京市玄武区教育局')).toEqual({ province: '江苏省', city: '南京市', county: '玄武区', divisionCode: '320102', level: '县级' });
    expect(placeOf('门头沟区教委')).toMatchObject({ province: '北京市', county: '门头沟区', divisionCode: '110109', level: '县级' });
    expect(placeOf('苏州市教育局')).toEqual({ province: '江苏省', city: '苏州市', divisionCode: '320500', level: '市级' });
    expect(placeOf('浙江省教育厅')).toEqual({ province: '浙江省', divisionCode: '330000', level: '省级' });
  });

  it('leaves out what the name does not determine', () => {
    // 鼓楼区 is a district of 南京, 徐州, 福州 and 开封: no county, no city, no province in common.
    expect(placeOf('鼓楼区教育局')).toBeUndefined();
    expect(placeOf('江苏省鼓楼区教育局')?.county).toBeUndefined();
    expect(placeOf('某某县教育局')).toBeUndefined();
  });
});
