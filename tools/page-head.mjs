// The head every page shares, written once: `make build` replaces the line
// `<!-- simcore:head -->` of each page in web/ and examples/ (or
// `<!-- simcore:head demo -->` for a demo page, which adds the equations'
// and the demo layout's stylesheets) by these lines. The
// Content-Security-Policy runs only the page's own files and compiled wasm,
// workers from blob: URLs, no inline script or style (docs/reliability.md).
export const CSP = [
  "default-src 'none'",
  "script-src 'self' 'wasm-unsafe-eval'",
  'worker-src blob:',
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const MARKER = /^<!-- simcore:head( demo)? -->$/m;

/** The page with its head marker expanded; `root` is the path from the page to dist/. */
export function expandHead(html, root, file) {
  const m = MARKER.exec(html);
  if (!m) throw new Error(`${file}: no <!-- simcore:head --> line`);
  const lines = [
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<link rel="icon" href="data:,">', // no /favicon.ico request (a 404 on static hosts)
  ];
  if (m[1]) {
    lines.push(`<link rel="stylesheet" href="${root}vendor/katex/katex.min.css">`,
      `<link rel="stylesheet" href="${root}vendor/katex/typeset.css">`,
      `<link rel="stylesheet" href="${root}demo-page.css">`);
  }
  return html.replace(MARKER, lines.join('\n'));
}
