/**
 * Terminal colour codes out of a child's output. Astro colours its log when it
 * thinks a terminal or a CI service is watching (CI=true does it), so output is
 * parsed only after this.
 */
// eslint-disable-next-line no-control-regex
const ANSI = /\u001b\[[0-9;]*[A-Za-z]/g;

export const stripAnsi = (text: string) => text.replace(ANSI, '');
