// Small DOM helpers of the page.

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`the page has no element #${id}`);
  return el as T;
}

export function element<K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {},
  children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  Object.assign(el, props);
  for (const c of children) el.append(c);
  return el;
}

/** Offer text as a file download. */
export function download(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = element('a', { href: url, download: filename });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function numberInput(id: string, name: string, check: { min?: number; max?: number; integer?: boolean } = {}): number {
  const raw = byId<HTMLInputElement>(id).value;
  const v = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(v)) throw new Error(`${name}: "${raw}" is not a number`);
  if (check.integer && !Number.isInteger(v)) throw new Error(`${name}: ${v} is not a whole number`);
  if (check.min !== undefined && v < check.min) throw new Error(`${name}: ${v} is below the minimum ${check.min}`);
  if (check.max !== undefined && v > check.max) throw new Error(`${name}: ${v} is above the maximum ${check.max}`);
  return v;
}

export function fmt(v: number, digits = 3): string {
  return Number.isFinite(v) ? v.toFixed(digits) : String(v);
}

export function table(el: HTMLTableElement, header: string[], rows: (string | number)[][]): void {
  el.replaceChildren(
    element('thead', {}, [element('tr', {}, header.map((h) => element('th', { textContent: h })))]),
    element('tbody', {}, rows.map((r) => element('tr', {}, r.map((c) => element('td', { textContent: typeof c === 'number' ? fmt(c) : c }))))),
  );
}

export function errorText(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
