/**
 * A metric value as written in front-matter, and its normalised form.
 *
 * Front-matter may hold a plain number or `{ value, approx, quote }`. A metric a
 * report does not state is absent from `metrics` altogether: absence means
 * "not reported", never 0.
 */

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
}

export type RawMetricValue =
  | number
  | { value: number; approx?: boolean | undefined; quote?: string | undefined; note?: string | undefined; confirmedBy?: readonly string[] | undefined };

/** Normalise a front-matter metric value to the object form. */
export function toMetricValue(raw: RawMetricValue): MetricValue {
  if (typeof raw === 'number') return { value: raw, approx: false };
  return {
    value: raw.value,
    approx: raw.approx ?? false,
    ...(raw.quote !== undefined ? { quote: raw.quote } : {}),
    ...(raw.note !== undefined ? { note: raw.note } : {}),
    ...(raw.confirmedBy !== undefined ? { confirmedBy: raw.confirmedBy } : {}),
  };
}

/** One entry of an agency-specific breakdown (e.g. 主动公开 by the agency's own categories). */
export interface CategoryValue extends MetricValue {
  label: string;
}
