/** npm run schemas — write docs/schemas/{report,agency}.schema.json from the Zod schemas. */
import { writeFile } from 'node:fs/promises';
import { agencyJsonSchema, reportJsonSchema } from '../lib/schema/json-schema.ts';

await writeFile('docs/schemas/report.schema.json', `${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
await writeFile('docs/schemas/agency.schema.json', `${JSON.stringify(agencyJsonSchema(), null, 2)}\n`);
console.log('已写入 docs/schemas/report.schema.json 与 docs/schemas/agency.schema.json');
