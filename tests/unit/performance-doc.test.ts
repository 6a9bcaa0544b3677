import { describe, expect, it } from 'vitest';
import { placeSection } from '../../src/cli/bench/performance-doc.ts';

describe('placeSection (docs/performance.md)', () => {
  const doc = '# 性能\n\n手写的说明\n\n### 目标\n\n| a | b |\n\n## 1000 份报告\n\n旧 1000\n\n## 100000 份报告\n\n旧 100000\n';

  it('replaces the section of the same size in place and keeps the hand-written head', () => {
    expect(placeSection(doc, 1000, '## 1000 份报告\n\n新 1000\n')).toBe('# 性能\n\n手写的说明\n\n### 目标\n\n| a | b |\n\n## 1000 份报告\n\n新 1000\n\n## 100000 份报告\n\n旧 100000\n');
  });

  it('puts a new size between the sizes around it', () => {
    const out = placeSection(doc, 10000, '## 10000 份报告\n\n新 10000');
    expect(out.indexOf('## 1000 份报告')).toBeLessThan(out.indexOf('## 10000 份报告'));
    expect(out.indexOf('## 10000 份报告')).toBeLessThan(out.indexOf('## 100000 份报告'));
    expect(out).toContain('旧 1000\n\n## 10000 份报告\n\n新 10000\n\n## 100000');
  });

  it('starts a document that has no sections yet', () => {
    expect(placeSection('# 性能\n', 40, '## 40 份报告\n\n表')).toBe('# 性能\n\n## 40 份报告\n\n表\n');
  });
});
