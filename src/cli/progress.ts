/** The progress line a long run keeps rewriting on a terminal: "[120/400] 已导入，约 85 份/秒". */
export function progressLine(done: number, total: number, seconds: number): string {
  const rate = seconds > 0 ? done / seconds : 0;
  return `[${done}/${total}] 已导入，约 ${rate >= 10 ? rate.toFixed(0) : rate.toFixed(1)} 份/秒`;
}
