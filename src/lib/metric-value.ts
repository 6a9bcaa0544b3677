/**
 * A metric value as written in front-matter, and its normalised form.
 *
 * Front-matter may hold a plain number or `{ value, approx, quote }`. A metric a
 * report does not state is absent from `metrics` altogether: absence means
 * "not reported", never 0.
 */

/**
 * The exact table cell a value was read from: the template's table (表二, 表三, 表四, or 统计表 for a
 * pre-2019 appendix), the row and the column as the template names them (or as printed, where the
 * template has no name for them), and `position`, the cell's place in the quoted row (1 = its first
 * cell), so the report page can mark the cell itself and `npm run check` can verify it holds the value.
 */
export interface CellRef {
  table: string;
  row: string;
  column: string;
  position?: number | undefined;
}

export interface MetricValue {
  value: number;
  /** The source gives an approximation (余/多/约/近/左右). */
  approx: boolean;
  /** The exact sentence, clause or table row of the report body that states the value. */
  quote?: string | undefined;
  /** An editor's note on how the value was read. */
  note?: string | undefined;
  /** Ids of the table identities (catalogue/identities.ts) that held over this value when it was imported. */
  confirmedBy?: readonly string[] | undefined;
  /** For a value read from a table: its cell. */
  cell?: CellRef | undefined;
}

export type RawMetricValue =
  | number
  | { value: number; approx?: boolean | undefined; quote?: string | undefined; note?: string | undefined; confirmedBy?: readonly string[] | undefined; cell?: CellRef | undefined };

/** Normalise a front-matter metric value to the object form. */
export function toMetricValue(raw: RawMetricValue): MetricValue {
  if (typeof raw === 'number') return { value: raw, approx: false };
  return {
    value: raw.value,
    approx: raw.approx ?? false,
    ...(raw.quote !== undefined ? { quote: raw.quote } : {}),
    ...(raw.note !== undefined ? { note: raw.note } : {}),
    ...(raw.confirmedBy !== undefined ? { confirmedBy: raw.confirmedBy } : {}),
    ...(raw.cell !== undefined ? { cell: raw.cell } : {}),
  };
}

/** One entry of an agency-specific breakdown (e.g. 主动公开 by the agency's own categories). */
export interface CategoryValue extends MetricValue {
  label: string;
}
