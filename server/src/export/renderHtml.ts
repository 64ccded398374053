import type { Block, ExportTree, Inline } from './exportTree.js';
import { PDF_FONT_FAMILY, pdfFontFaces } from './pdfFonts.js';

/**
 * The HTML Chromium prints to PDF. Built here from the export tree, every text escaped and
 * every link checked by the walk (web and mail only); no script, no external resource: the
 * page is opened with JavaScript off and every request refused (see ChromiumPrinter).
 * Headings are real h1–h6, so the tagged PDF's structure and its outline follow them.
 */
export function renderHtml(tree: ExportTree, language: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(language)}">
<head>
<meta charset="utf-8">
<title>${escapeHtml(tree.title)}</title>
<style>
${pdfFontFaces()}
${STYLES}
</style>
</head>
<body>
<h1 class="title">${escapeHtml(tree.title)}</h1>
<p class="subtitle">${escapeHtml(tree.subtitle)}</p>
${blocks(tree.body)}
${blocks(tree.appendices)}
</body>
</html>`;
}

const STYLES = `
@page { size: A4; margin: 20mm 18mm; }
html { font-family: '${PDF_FONT_FAMILY}'; font-size: 10.5pt; line-height: 1.45; color: #111; }
body { margin: 0; }
h1, h2, h3, h4, h5, h6 { line-height: 1.2; margin: 1.1em 0 0.4em; break-after: avoid; }
h1 { font-size: 18pt; } h2 { font-size: 15pt; } h3 { font-size: 13pt; }
h4, h5, h6 { font-size: 11pt; }
h1.title { font-size: 24pt; margin-top: 0; }
p { margin: 0 0 0.6em; }
p.subtitle { font-style: italic; color: #444; }
a { color: #0b57d0; }
code, pre { font-family: '${PDF_FONT_FAMILY}'; background: #f3f3f3; }
pre { padding: 0.5em; white-space: pre-wrap; }
blockquote { margin: 0 0 0.6em; padding-left: 1em; border-left: 3px solid #999; font-style: italic; }
ins { color: #1b5e20; text-decoration: underline; }
del { color: #b71c1c; text-decoration: line-through; }
table { border-collapse: collapse; width: 100%; margin: 0 0 1em; }
caption { text-align: left; font-weight: 700; margin-bottom: 0.3em; }
th, td { border: 1px solid #999; padding: 0.25em 0.4em; vertical-align: top; text-align: left; }
th { background: #ededed; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
td p:last-child, th p:last-child, li p:last-child { margin-bottom: 0; }
li.task { list-style: none; position: relative; }
li.task::before { content: ''; position: absolute; left: -1.4em; top: 0.3em; width: 0.75em;
  height: 0.75em; border: 1px solid #333; }
li.task.done::before { background: #333; box-shadow: inset 0 0 0 2px #fff; }
`;

function blocks(list: Block[]): string {
  return list.map(block).join('\n');
}

function block(b: Block): string {
  switch (b.kind) {
    case 'heading':
      return `<h${b.level}>${inlines(b.inlines)}</h${b.level}>`;
    case 'paragraph':
      return `<p>${inlines(b.inlines)}</p>`;
    case 'list': {
      const tag = b.ordered ? 'ol' : 'ul';
      const start = b.ordered && b.start !== 1 ? ` start="${b.start}"` : '';
      const items = b.items.map((item) =>
        item.checked === null
          ? `<li>${cellContent(item.blocks)}</li>`
          : // A box drawn by CSS: the ballot-box characters are not in the embedded font.
            `<li class="task${item.checked ? ' done' : ''}">${cellContent(item.blocks)}</li>`,
      );
      return `<${tag}${start}>${items.join('')}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${blocks(b.blocks)}</blockquote>`;
    case 'code':
      return `<pre><code>${escapeHtml(b.text)}</code></pre>`;
    case 'rule':
      return '<hr>';
    case 'table': {
      const caption = b.caption ? `<caption>${escapeHtml(b.caption)}</caption>` : '';
      const [first, ...rest] = b.rows;
      // A header row goes into <thead>: repeated on every page and tagged as headers.
      const headed = first !== undefined && first.length > 0 && first.every((c) => c.header);
      const row = (cells: typeof first) =>
        `<tr>${(cells ?? [])
          .map((c) => {
            const tag = c.header ? 'th' : 'td';
            return `<${tag}>${cellContent(c.blocks)}</${tag}>`;
          })
          .join('')}</tr>`;
      const head = headed ? `<thead>${row(first)}</thead>` : '';
      const body = (headed ? rest : b.rows).map(row).join('');
      return `<table>${caption}${head}<tbody>${body}</tbody></table>`;
    }
  }
}

/**
 * A cell's or an item's content, a lone paragraph as bare text: nearly every cell and item is
 * one paragraph, and the <p> in each added an element to lay out and a node to the PDF's
 * structure tree for nothing (about a tenth of the print time of a long plan, decision 0060).
 */
function cellContent(list: Block[]): string {
  const [only, ...more] = list;
  return only?.kind === 'paragraph' && more.length === 0 ? inlines(only.inlines) : blocks(list);
}

function inlines(list: Inline[]): string {
  return list
    .map((inline) => {
      if (inline.kind === 'break') return '<br>';
      const { style } = inline;
      let html = escapeHtml(inline.text);
      if (style.code) html = `<code>${html}</code>`;
      if (style.bold) html = `<strong>${html}</strong>`;
      if (style.italic) html = `<em>${html}</em>`;
      if (style.underline) html = `<u>${html}</u>`;
      if (style.strike) html = `<s>${html}</s>`;
      if (style.suggestion === 'insertion') html = `<ins>${html}</ins>`;
      if (style.suggestion === 'deletion') html = `<del>${html}</del>`;
      if (style.href) html = `<a href="${escapeHtml(style.href)}">${html}</a>`;
      return html;
    })
    .join('');
}

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}
