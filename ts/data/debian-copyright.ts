// Read the licence of a file from a Debian copyright file. Machine-readable (DEP-5) files list stanzas
// "Files: globs" + "License: name"; the globs name source-tree paths, so an installed file is matched by its
// base name against the globs' base names (last match wins, as in DEP-5), falling back to the "Files: *"
// stanza. Free-form copyright files yield the distinct License:/licence lines found, or "see copyright file".

interface Stanza { files: string[]; license: string }

export function licenceFor(copyright: string, installedPath: string): string {
  const stanzas = parseStanzas(copyright);
  const base = installedPath.split('/').pop() ?? installedPath;
  let match: string | undefined;
  let star: string | undefined;
  for (const s of stanzas) {
    if (s.files.includes('*')) star = s.license;
    if (s.files.some((g) => g !== '*' && globMatch(g.split('/').pop() ?? g, base))) match = s.license;
  }
  if (match) return match;
  if (star) return star;
  const all = [...new Set(stanzas.map((s) => s.license).filter((l) => l.length > 0))];
  if (all.length > 0) return all.join(' / ');
  const free = copyright.match(/^\s*licen[cs]e[^:\n]*:\s*(.+)$/im);
  return free ? free[1].trim() : 'see copyright file';
}

function parseStanzas(text: string): Stanza[] {
  const out: Stanza[] = [];
  for (const block of text.split(/\n\s*\n/)) {
    const files = /^Files:\s*((?:.*)(?:\n[ \t]+.*)*)/m.exec(block);
    const lic = /^License:[ \t]*(.*)$/m.exec(block);
    if (lic) out.push({ files: files ? files[1].split(/\s+/).filter(Boolean) : [], license: lic[1].trim() });
  }
  return out;
}

function globMatch(glob: string, name: string): boolean {
  const re = new RegExp('^' + glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return re.test(name);
}
