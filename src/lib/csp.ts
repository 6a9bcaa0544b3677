/**
 * The Content-Security-Policy of every page (a <meta> tag; static hosting sets
 * no headers). Only the site's own files load; report text can carry no script.
 * Pagefind needs WebAssembly compilation ('wasm-unsafe-eval') and may start its
 * worker from a blob: URL.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
