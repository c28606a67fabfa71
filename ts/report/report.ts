// The study report: a folder with a self-contained index.html (figures inlined, readable offline),
// every figure also as its own file (PNG, or SVG for plots), every table also as CSV, all written
// atomically. Content is built up as sections, then written once.
import { join } from 'node:path';
import { writeFileAtomic } from '../util/atomic.ts';
import { formatCell, toCsv, type Table } from './table.ts';

type Block =
  | { kind: 'text'; html: string }
  | { kind: 'table'; table: Table }
  | { kind: 'figure'; file: string; mime: 'image/png' | 'image/svg+xml'; data: Uint8Array | string; caption: string; width?: number };

interface Section { id: string; title: string; blocks: Block[] }

export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export class ReportBuilder {
  private readonly sections: Section[] = [];
  private readonly files = new Set<string>();

  constructor(readonly title: string, readonly outDir: string) {}

  section(id: string, title: string): this {
    this.sections.push({ id, title, blocks: [] });
    return this;
  }

  private get current(): Section {
    if (this.sections.length === 0) this.section('main', this.title);
    return this.sections[this.sections.length - 1];
  }

  /** A paragraph of plain text (escaped). */
  text(s: string): this {
    this.current.blocks.push({ kind: 'text', html: `<p>${escapeHtml(s)}</p>` });
    return this;
  }

  /** Raw HTML (caller is responsible for escaping). */
  html(s: string): this {
    this.current.blocks.push({ kind: 'text', html: s });
    return this;
  }

  /** A table, shown in the page and written as tables/<name>.csv. */
  table(table: Table): this {
    this.current.blocks.push({ kind: 'table', table });
    this.writeOnce(join('tables', `${table.name}.csv`), toCsv(table));
    return this;
  }

  /** A figure, inlined in the page and written as figures/<file>. */
  figure(file: string, data: Uint8Array | string, caption: string, width?: number): this {
    const mime = file.endsWith('.svg') ? 'image/svg+xml' : 'image/png';
    this.current.blocks.push({ kind: 'figure', file, mime, data, caption, width });
    this.writeOnce(join('figures', file), data);
    return this;
  }

  private writeOnce(rel: string, data: string | Uint8Array): void {
    if (this.files.has(rel)) throw new Error(`report file ${rel} written twice`);
    this.files.add(rel);
    writeFileAtomic(join(this.outDir, rel), data);
  }

  /** Write index.html; returns its path. */
  write(): string {
    const toc = this.sections.map((s) => `<li><a href="#${s.id}">${escapeHtml(s.title)}</a></li>`).join('');
    const body = this.sections.map((s) => `<section id="${s.id}"><h2>${escapeHtml(s.title)}</h2>\n${s.blocks.map(renderBlock).join('\n')}</section>`).join('\n');
    const page = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(this.title)}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;color:#222;line-height:1.45}
table{border-collapse:collapse;margin:.6em 0 1.2em;font-size:.9em}th,td{border:1px solid #ccc;padding:3px 7px;text-align:right}
th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}caption{text-align:left;font-weight:bold;padding:.3em 0}
figure{display:inline-block;margin:.5em 1em 1em 0;vertical-align:top}figcaption{font-size:.85em;color:#555;max-width:560px}
img.px{image-rendering:pixelated}.tw{overflow-x:auto;max-width:100%}.note{font-size:.85em;color:#555}code{background:#f4f4f4;padding:0 3px}
</style></head><body>
<h1>${escapeHtml(this.title)}</h1>
<nav><ol>${toc}</ol></nav>
${body}
</body></html>
`;
    const path = join(this.outDir, 'index.html');
    writeFileAtomic(path, page);
    return path;
  }
}

function renderBlock(b: Block): string {
  if (b.kind === 'text') return b.html;
  if (b.kind === 'table') return renderTable(b.table);
  const src = b.mime === 'image/svg+xml'
    ? `data:image/svg+xml;base64,${Buffer.from(b.data as string, 'utf8').toString('base64')}`
    : `data:image/png;base64,${Buffer.from(b.data as Uint8Array).toString('base64')}`;
  const w = b.width ? ` width="${b.width}"` : '';
  const cls = b.mime === 'image/png' ? ' class="px"' : '';
  return `<figure><img${cls}${w} src="${src}" alt="${escapeHtml(b.caption)}"><figcaption>${escapeHtml(b.caption)} <span class="note">(figures/${escapeHtml(b.file)})</span></figcaption></figure>`;
}

function renderTable(t: Table): string {
  const head = `<tr>${t.columns.map((c) => `<th>${escapeHtml(c)}</th>`).join('')}</tr>`;
  const rows = t.rows.map((r) => `<tr>${r.map((v) => `<td>${escapeHtml(formatCell(v))}</td>`).join('')}</tr>`).join('');
  const notes = t.notes ? `<p class="note">${escapeHtml(t.notes)} (tables/${escapeHtml(t.name)}.csv)</p>` : `<p class="note">tables/${escapeHtml(t.name)}.csv</p>`;
  return `<div class="tw"><table><caption>${escapeHtml(t.title)}</caption>${head}${rows}</table></div>${notes}`;
}
