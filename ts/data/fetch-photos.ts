// `illusion-lab data fetch`: provision the training photos from Debian packages without installing them
// (apt-get download + dpkg-deb --fsys-tarfile | tar; needs no root), downscale each with an area filter,
// store it as PNG and record it in the manifest. Idempotent: a package whose photos are all present with
// the recorded checksums is not downloaded again.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { decodeImage } from '../io/read-image.ts';
import { UserError, errorMessage } from '../util/errors.ts';
import { writeFileAtomic, writeJsonAtomic } from '../util/atomic.ts';
import { downscaleArea } from './downscale.ts';
import { encodePng } from '../io/png.ts';
import { licenceFor } from './debian-copyright.ts';
import { type DataManifest, type PackageEntry, type PhotoEntry, manifestName, readManifest, sha256 } from './manifest.ts';
import { type PhotoSource, photoSources } from './photo-sources.ts';

export interface FetchOptions {
  dir: string;
  sources?: readonly PhotoSource[];
  log?: (line: string) => void;
}

export function fetchPhotos(opts: FetchOptions): DataManifest {
  const { dir } = opts;
  const log = opts.log ?? ((l: string) => process.stderr.write(l + '\n'));
  const sources = opts.sources ?? photoSources;
  mkdirSync(dir, { recursive: true });
  const old = readManifest(dir);
  const manifest: DataManifest = { format: 'illusion-lab-photos/1', packages: [], photos: [] };
  for (const source of sources) {
    const kept = old && packageIntact(dir, old, source);
    if (kept) {
      log(`${source.package} ${kept.pkg.version}: ${kept.photos.length} photos present, skipped`);
      manifest.packages.push(kept.pkg);
      manifest.photos.push(...kept.photos);
      continue;
    }
    const got = fetchPackage(dir, source, log);
    manifest.packages.push(got.pkg);
    manifest.photos.push(...got.photos);
    writeJsonAtomic(join(dir, manifestName), manifest); // progress survives an interruption
  }
  writeJsonAtomic(join(dir, manifestName), manifest);
  removeStale(dir, manifest, sources);
  return manifest;
}

/** Delete photo files of the listed packages that the manifest no longer names (e.g. a dropped photo). */
function removeStale(dir: string, m: DataManifest, sources: readonly PhotoSource[]): void {
  const keep = new Set(m.photos.map((p) => p.file));
  for (const f of readdirSync(dir)) {
    if (f.endsWith('.png') && !keep.has(f) && sources.some((s) => f.startsWith(`${s.package}__`))) rmSync(join(dir, f));
  }
}

function packageIntact(dir: string, m: DataManifest, source: PhotoSource): { pkg: PackageEntry; photos: PhotoEntry[] } | undefined {
  const pkg = m.packages.find((p) => p.package === source.package);
  if (!pkg) return undefined;
  const photos = m.photos.filter((p) => p.package === source.package);
  if (photos.length === 0) return undefined;
  for (const p of photos) {
    if (!source.select(p.sourcePath) || typeof p.bytes !== 'number') return undefined;
    const path = join(dir, p.file);
    if (!existsSync(path) || sha256(readFileSync(path)) !== p.sha256) return undefined;
  }
  return { pkg, photos };
}

function run(cmd: string, args: string[], cwd: string): Buffer {
  try {
    return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 1 << 30 });
  } catch (e) {
    const stderr = (e as { stderr?: Buffer }).stderr?.toString().trim().split('\n').slice(-2).join(' ') ?? '';
    throw new UserError(`${cmd} ${args.join(' ')} failed: ${stderr || errorMessage(e)}`);
  }
}

function fetchPackage(dir: string, source: PhotoSource, log: (l: string) => void): { pkg: PackageEntry; photos: PhotoEntry[] } {
  const work = mkdtempSync(join(dir, '.fetch-'));
  try {
    log(`${source.package}: downloading (apt-get download)`);
    run('apt-get', ['download', source.package], work);
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new UserError(`apt-get download ${source.package} produced no .deb file`);
    const version = run('dpkg-deb', ['-f', deb, 'Version'], work).toString().trim();
    const root = join(work, 'root');
    mkdirSync(root);
    execFileSync('sh', ['-c', `dpkg-deb --fsys-tarfile "$1" | tar -x -C "$2"`, 'sh', deb, root], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'] });
    const files = listFiles(root).filter((p) => source.select(p)).sort();
    if (files.length === 0) throw new UserError(`package ${source.package} ${version} holds none of the expected photos`);
    const copyrightPath = join(root, 'usr/share/doc', source.package, 'copyright');
    const copyright = existsSync(copyrightPath) ? readFileSync(copyrightPath, 'utf8') : '';
    const copyrightFile = `licences/${source.package}.copyright`;
    writeFileAtomic(join(dir, copyrightFile), copyright || 'no copyright file in the package\n');
    const photos: PhotoEntry[] = [];
    const duplicates: string[] = [];
    const seen = new Set<string>();
    for (const rel of files) {
      const bytes = readFileSync(join(root, rel));
      const sourceSha256 = sha256(bytes);
      if (seen.has(sourceSha256)) { duplicates.push(rel); continue; }
      seen.add(sourceSha256);
      const small = downscaleArea(decodeImage(bytes, `${source.package}:${rel}`), source.downscale);
      const png = encodePng(small);
      const stem = rel.split('/').slice(-1)[0].replace(/\.[^.]+$/, '');
      const unique = source.package === 'plasma-workspace-wallpapers' ? rel.split('/')[3] : stem;
      const file = `${source.package}__${unique}.png`;
      writeFileAtomic(join(dir, file), png);
      photos.push({
        file, package: source.package, version, sourcePath: rel, licence: /^Format:/m.test(copyright) ? licenceFor(copyright, rel) : source.freeFormLicence ?? 'see copyright file',
        sha256: sha256(png), sourceSha256, height: small.height, width: small.width, bytes: png.length, downscale: source.downscale,
      });
    }
    const licences = [...new Set(photos.map((p) => p.licence))].join(' / ');
    log(`${source.package} ${version}: ${photos.length} photos` + (duplicates.length ? ` (${duplicates.length} duplicate skipped)` : '') + `, licence ${licences}`);
    return { pkg: { package: source.package, version, licence: licences, copyrightFile, duplicates }, photos };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function listFiles(root: string, prefix = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, prefix))) {
    const rel = prefix ? `${prefix}/${name}` : name;
    const st = statSync(join(root, rel), { throwIfNoEntry: false });
    if (!st) continue;
    if (st.isDirectory()) out.push(...listFiles(root, rel));
    else if (st.isFile()) out.push(rel);
  }
  return out;
}
