import { createHash } from 'node:crypto';

/**
 * The Content-Security-Policy of every page (a <meta> tag; static hosting sets
 * no headers). Only the site's own files load; report text can carry no script.
 * Pagefind needs WebAssembly compilation ('wasm-unsafe-eval') and may start its
 * worker from a blob: URL. styleHashes allow the page's own inline styles, each
 * by its hash (styleHash).
 */
export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  return [
    "default-src 'self'",
    "script-src 'self' 'wasm-unsafe-eval'",
    "worker-src 'self' blob:",
    ['style-src', "'self'", ...styleHashes].join(' '),
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** The policy of a page with no inline style. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/**
 * The CSP source that allows one inline <style> by its content (its print footer, print-footer.ts) and no
 * other: 'unsafe-inline' would let injected markup style the page.
 */
export function styleHash(css: string): string {
  return `'sha256-${createHash('sha256').update(css, 'utf8').digest('base64')}'`;
}
