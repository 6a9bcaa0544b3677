/**
 * The year of a report, with evidence: title, statistics period and signature
 * date must agree, or the import stops naming all three; a year given by hand
 * that the text contradicts is refused without --force.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importReport } from '../../src/lib/importer/import-report.ts';
import { decideYear, periodYear, signatureDate, yearEvidence } from '../../src/lib/importer/publisher/year-evidence.ts';
import { ROOT } from '../helpers/content.ts';

const SEED = readFileSync(join(ROOT, 'tests/fixtures/sources/seeds/004_7d7d75c68847a608.txt'), 'utf8');
const report = (title: string, period: string, signed: string) =>
  `${title}\n一、概述\n本报告所列数据的统计期限${period}。${SEED.split('\n').slice(1, 30).join('\n')}\n北京市门头沟区教育委员会\n${signed}\n`;

describe('year evidence', () => {
  it('reads the statistics period and the closing date, in Arabic or Chinese numerals', () => {
    expect(periodYear('统计期限自2024年1月1日起至2024年12月31日止。')).toBe(2024);
    expect(periodYear('本报告中所列数据的统计时限为2014年1月1日至2014年12月31日')).toBe(2014);
    expect(periodYear('统计期限自2023年1月1日起至2024年12月31日止')).toBeUndefined();
    expect(signatureDate('……\n某局\n2025年1月20日\n')).toEqual({ year: 2025, month: 1 });
    expect(signatureDate('……\n某局\n二〇二五年一月十日\n')).toEqual({ year: 2025, month: 1 });
    expect(signatureDate('……\n某局\n2024年12月\n')).toEqual({ year: 2024, month: 12 });
  });

  it('agrees when title, period and signature say the same year, and names all three when they do not', () => {
    expect(decideYear(yearEvidence('某局2024年度政府信息公开工作年度报告', '统计期限自2024年1月1日起至2024年12月31日止。\n某局\n2025年1月20日'))).toEqual({ year: 2024 });
    const wrong = decideYear(yearEvidence('某局2023年度政府信息公开工作年度报告', '统计期限自2024年1月1日起至2024年12月31日止。\n某局\n2025年1月20日'));
    expect(wrong.conflict).toBe('标题为 2023 年；统计期限为 2024 年；落款为 2025 年 1 月（应是 2024 年度的报告）');
    expect(decideYear(yearEvidence('某局2023年度政府信息公开工作年度报告', '某局\n2025年1月20日')).conflict).toContain('落款为 2025 年 1 月');
    expect(decideYear(yearEvidence('政府信息公开工作年度报告', '统计期限自2019年1月1日起')).year).toBe(2019);
  });

  it('stops an import whose year the text contradicts, and refuses a --year the text contradicts unless forced', () => {
    const mismatched = report('门头沟区教委2023年政府信息公开工作年度报告', '自2024年1月1日起至2024年12月31日止', '2025年1月15日');
    expect(() => importReport('r.txt', Buffer.from(mismatched), { agencies: [] })).toThrow('年度的证据不一致：标题为 2023 年；统计期限为 2024 年；落款为 2025 年 1 月');
    const good = report('门头沟区教委2024年政府信息公开工作年度报告', '自2024年1月1日起至2024年12月31日止', '2025年1月15日');
    expect(importReport('r.txt', Buffer.from(good), { agencies: [] }).year).toBe(2024);
    expect(() => importReport('r.txt', Buffer.from(good), { agencies: [], year: 2025 })).toThrow('--year 2025 与原文不符（标题为 2024 年；统计期限为 2024 年；落款为 2025 年 1 月（应是 2024 年度的报告））：确要按 2025 年度导入请加 --force');
    const forced = importReport('r.txt', Buffer.from(good), { agencies: [], year: 2025, force: true });
    expect(forced.year).toBe(2025);
    expect(forced.warnings[0]).toContain('按指定的 2025 年度导入，与原文不符');
  });
});
