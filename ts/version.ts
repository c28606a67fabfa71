import { readFileSync } from 'node:fs';

/** The package's version, read from package.json (two levels up from ts/ and from dist/ts/). */
export function packageVersion(): string {
  for (const rel of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(rel, import.meta.url), 'utf8'));
      if (pkg.name === 'illusion-lab') return pkg.version as string;
    } catch { /* try the next */ }
  }
  return 'unknown';
}
