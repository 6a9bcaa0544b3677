/** The printed page's footer: a CSS string no page text can break out of, allowed by the CSP through its hash only. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, CONTENT_SECURITY_POLICY, styleHash } from '../../src/lib/csp.ts';
import { cssString, printFooterCss, printFooterText } from '../../src/lib/print-footer.ts';

describe('print footer', () => {
  it('says the archive, the permalink and, when known, the print date', () => {
    expect(printFooterText('https://example.org/reports/a/2021/')).toBe('年报档案 · https://example.org/reports/a/2021/');
    expect(printFooterText('https://example.org/reports/a/2021/', '2026-12-07')).toBe('年报档案 · https://example.org/reports/a/2021/ · 打印于 2026-12-07');
    expect(printFooterCss('https://example.org/x/')).toBe('@page { @bottom-left { content: "年报档案 · https://example.org/x/"; } }');
  });

  it('escapes quotes, backslashes and line breaks so the text cannot end the rule', () => {
    expect(cssString('a"b\\c\nd')).toBe('"a\\"b\\\\c d"');
    const css = printFooterCss('https://example.org/"; } } body { display: none } @page { @x { content: "');
    // The whole hostile URL stays inside one string: the rule has exactly its two opening and two closing braces outside it.
    const outside = css.replace(/"(?:[^"\\]|\\.)*"/g, '""');
    expect(outside).toBe('@page { @bottom-left { content: ""; } }');
  });

  it('is allowed by its own hash and nothing else', () => {
    const css = printFooterCss('https://example.org/x/');
    const hash = `'sha256-${createHash('sha256').update(css).digest('base64')}'`;
    expect(styleHash(css)).toBe(hash);
    expect(contentSecurityPolicy([hash])).toContain(`style-src 'self' ${hash};`);
    expect(contentSecurityPolicy([hash])).not.toContain('unsafe-inline');
    expect(CONTENT_SECURITY_POLICY).toContain("style-src 'self';");
  });
});
