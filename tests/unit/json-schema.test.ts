import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { agencyJsonSchema, reportJsonSchema } from '../../src/lib/schema/json-schema.ts';
import { parseYaml, splitFrontMatter } from '../../src/lib/validate/front-matter.ts';
import { contentFiles, ROOT } from '../helpers/content.ts';

const committed = (name: string) => JSON.parse(readFileSync(join(ROOT, 'docs/schemas', name), 'utf8')) as object;

describe('editor JSON Schemas', () => {
  it('are committed exactly as generated from the Zod schemas (run npm run schemas after changing them)', () => {
    expect(committed('report.schema.json')).toEqual(JSON.parse(JSON.stringify(reportJsonSchema())));
    expect(committed('agency.schema.json')).toEqual(JSON.parse(JSON.stringify(agencyJsonSchema())));
  });

  it('accept every file of the archive and refuse a mistyped metric key', async () => {
    const ajv = new Ajv2020({ strict: false });
    const report = ajv.compile(committed('report.schema.json'));
    const agency = ajv.compile(committed('agency.schema.json'));
    for (const file of await contentFiles()) {
      if (file.path.startsWith('content/agencies/')) expect(agency(parseYaml(file.text).data), file.path).toBe(true);
      else {
        // YAML dates (published: 2017-12-06) read as strings here, as in an editor.
        expect(report(parseYaml(splitFrontMatter(file.text).frontMatter!).data), `${file.path} ${JSON.stringify(report.errors)}`).toBe(true);
      }
    }
    expect(report({ agency: 'x', year: 2014, title: 't', edition: 'pre2019', source: { file: 'f' }, metrics: { proactiv_total: 3 } })).toBe(false);
    expect(report({ agency: 'x', year: 2014, title: 't', edition: 'pre2019', source: { file: 'f' }, metrics: { proactive_total: -3 } })).toBe(false);
  });
});
