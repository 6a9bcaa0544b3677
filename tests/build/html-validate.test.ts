import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { DIST, htmlFiles, requireDist } from '../helpers/dist.ts';

const validator = new HtmlValidate({
  extends: ['html-validate:recommended'],
  rules: {
    // Checkbox groups share a name by design (compare: ?m=…&m=…).
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
    // The compare page's type-ahead is the ARIA combobox pattern: its listbox filters as one types, which a
    // native <select> cannot; every other role must still be a native element.
    'prefer-native-element': ['error', { exclude: ['listbox'] }],
  },
});

beforeAll(() => requireDist());

describe('HTML validity', () => {
  it('every page of the site is valid HTML (html-validate, recommended rules)', async () => {
    const files = htmlFiles();
    expect(files.length).toBeGreaterThan(50);
    const errors: string[] = [];
    for (const file of files) {
      const report = await validator.validateString(readFileSync(join(DIST, file), 'utf8'), file);
      for (const r of report.results) for (const m of r.messages) errors.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
    expect(errors).toEqual([]);
  });
});
