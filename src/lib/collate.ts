/** Chinese collation by pinyin, as a visitor expects names to be ordered. */
const PINYIN = new Intl.Collator('zh-u-co-pinyin');

export function comparePinyin(a: string, b: string): number {
  return PINYIN.compare(a, b);
}

/** A copy of `items` sorted by the pinyin of `key(item)`. */
export function sortByPinyin<T>(items: readonly T[], key: (item: T) => string): T[] {
  return [...items].sort((a, b) => comparePinyin(key(a), key(b)));
}
