import { describe, expect, it } from 'vitest';
import { progressLine } from '../../src/cli/progress.ts';

describe('progress line', () => {
  it('says files done out of total and the rate', () => {
    expect(progressLine(120, 400, 1.5)).toBe('[120/400] 已导入，约 80 份/秒');
    expect(progressLine(3, 400, 2)).toBe('[3/400] 已导入，约 1.5 份/秒');
    expect(progressLine(0, 10, 0)).toBe('[0/10] 已导入，约 0.0 份/秒');
  });
});
