// The page every HTML export is: a standalone document to read or print from a browser, with the
// export's own style sheet, its title as <title> and <h1>, and the body lines after the heading.
import { escapeHtml } from './escapeHtml';

export function htmlDocument({ title, style, body }: { title: string; style: readonly string[]; body: readonly string[] }): string {
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<title>${escapeHtml(title)}</title>`,
    '<style>',
    ...style,
    '</style>',
    '</head>',
    '<body>',
    `<h1>${escapeHtml(title)}</h1>`,
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
