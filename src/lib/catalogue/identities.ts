/**
 * The arithmetic the official tables print (国办公开办函〔2019〕60号, 〔2021〕30号), as data
 * over metric ids. The importer uses it as evidence for where numbers belong; the
 * quality checks use it to show where a report does not add up.
 */
import type { EditionId } from './editions.ts';
import { APPLICANT_COLUMNS, TABLE_3_ROWS, TABLE_4_SECTIONS } from './metrics.ts';

/**
 * What an identity can vouch for:
 * - `columns`: the cells of one row are in the right columns (a row's parts add up to its 总计);
 * - `rows`: whole rows are in the right places (sums across rows hold).
 */
export type IdentityScope = 'columns' | 'rows';

export interface Identity {
  /** Stable id, written into front-matter as `confirmedBy`. */
  id: string;
  /** What it says, for editors and warnings. */
  label: string;
  /**
   * The same in a reader's words, for the quality pages: where it is, and what each side is called with the
   * verb its number takes ("表四 行政复议：各项之和 2，总计印为 3").
   */
  plain: { where: string; left: string; right: string };
  scope: IdentityScope;
  /** Sum of `left` = sum of `right`. */
  left: readonly string[];
  right: readonly string[];
}

const COLUMN_SUFFIXES = [...APPLICANT_COLUMNS.map((c) => ({ suffix: `.${c.id}`, label: c.label })), { suffix: '', label: '总计' }];

/** Table 三 rows of an edition that are results, i.e. what （七）总计 adds up. */
function resultRows(edition: EditionId): string[] {
  return TABLE_3_ROWS.filter((r) => r.editions.includes(edition) && r.id.startsWith('result_') && r.id !== 'result_total').map((r) => r.id);
}

function table3(edition: EditionId): Identity[] {
  const rows = TABLE_3_ROWS.filter((r) => r.editions.includes(edition));
  return [
    ...rows.map((r): Identity => ({
      id: `t3_row.${r.id}`,
      label: `表三“${r.label}”：各类申请人之和 = 总计`,
      plain: { where: `表三“${r.label}”`, left: '各类申请人之和', right: '总计印为' },
      scope: 'columns',
      left: APPLICANT_COLUMNS.map((c) => `${r.id}.${c.id}`),
      right: [r.id],
    })),
    ...COLUMN_SUFFIXES.map(({ suffix, label }): Identity => ({
      id: `t3_balance${suffix}`,
      label: `表三“${label}”列：一 + 二 = 三（七）总计 + 四`,
      plain: { where: `表三“${label}”列`, left: '本年新收与上年结转之和', right: '办理结果总计与结转下年度之和' },
      scope: 'rows',
      left: [`requests_new${suffix}`, `requests_carried_over${suffix}`],
      right: [`result_total${suffix}`, `requests_carried_forward${suffix}`],
    })),
    ...COLUMN_SUFFIXES.map(({ suffix, label }): Identity => ({
      id: `t3_results${suffix}`,
      label: `表三“${label}”列：（七）总计 = 各项办理结果之和`,
      plain: { where: `表三“${label}”列`, left: '办理结果（七）总计印为', right: '各项办理结果之和' },
      scope: 'rows',
      left: [`result_total${suffix}`],
      right: resultRows(edition).map((id) => id + suffix),
    })),
  ];
}

const TABLE_4: Identity[] = TABLE_4_SECTIONS.map(({ id, label }) => ({
  id: `t4.${id}`,
  label: `表四${label}：维持 + 纠正 + 其他 + 尚未审结 = 总计`,
  plain: { where: `表四 ${label}`, left: '各项之和', right: '总计印为' },
  scope: 'rows',
  left: ['upheld', 'corrected', 'other', 'pending'].map((k) => `${id}_${k}`),
  right: [`${id}_total`],
}));

const BY_EDITION = new Map<EditionId, readonly Identity[]>([
  ['pre2019', []],
  ['2019', [...table3('2019'), ...TABLE_4]],
  ['2021', [...table3('2021'), ...TABLE_4]],
]);

/** The identities of an edition's tables (none for pre2019, whose appendices varied). */
export function identitiesOf(edition: EditionId): readonly Identity[] {
  return BY_EDITION.get(edition) ?? [];
}

const BY_ID: ReadonlyMap<string, Identity> = new Map([...BY_EDITION.values()].flat().map((i) => [i.id, i]));

/** Every identity id, for schemas. */
export const IDENTITY_IDS: readonly string[] = [...BY_ID.keys()];

/** The identity with this id in any edition, for labels. */
export function findIdentity(id: string): Identity | undefined {
  return BY_ID.get(id);
}

export type IdentityOutcome = 'holds' | 'fails' | 'incomplete';

/** Whether an identity holds over exact values; `incomplete` when a term is missing or approximate. */
export function evaluateIdentity(identity: Identity, value: (id: string) => { value: number; approx?: boolean } | undefined): IdentityOutcome {
  const terms = [...identity.left, ...identity.right].map(value);
  if (terms.some((t) => t === undefined || t.approx)) return 'incomplete';
  const sum = (ids: readonly string[]) => ids.reduce((a, id) => a + value(id)!.value, 0);
  return sum(identity.left) === sum(identity.right) ? 'holds' : 'fails';
}
