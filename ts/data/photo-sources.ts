// The natural photographs used for training (TOOLCHAIN.md, "Data"): Debian packages whose files are real
// photographs, checked by eye, with the rule that picks them out of each package and the downscaling factor.
// lxqt-themes: its 10 photographic wallpapers (simple_blue_widescreen and the logo/origami/triangle/wave
// pictures are synthetic). krank holds 41 files, one a byte-for-byte duplicate (skipped). Heavily compressed JPEGs (mate-backgrounds) are reduced ×4 instead of ×2 so block artefacts vanish.

export interface PhotoSource {
  /** Debian binary package */
  package: string;
  /** picks a path inside the package (as listed by dpkg-deb, without the leading "./") */
  select(path: string): boolean;
  /** area-filter reduction factor */
  downscale: number;
  /** licence read by hand from a free-form (not machine-readable) Debian copyright file */
  freeFormLicence?: string;
}

const jpgOrPng = /\.(jpe?g|png)$/i;

function inFolder(folder: string, names?: readonly string[], exclude?: RegExp) {
  return (path: string): boolean => {
    if (!path.startsWith(folder) || !jpgOrPng.test(path)) return false;
    const rest = path.slice(folder.length);
    if (rest.includes('/')) return false;
    if (exclude && exclude.test(rest)) return false;
    return names === undefined || names.some((n) => rest.replace(jpgOrPng, '') === n);
  };
}

const plasmaPhotos = ['BytheWater', 'ColdRipple', 'ColorfulCups', 'DarkestHour', 'EveningGlow', 'FallenLeaf', 'Grey',
  'Kite', 'OneStandsOut', 'Path', 'summer_1am'];

export const lxqtPhotos = ['Butterfly-Kenneth-Wimer', 'Valendas', 'after-the-rain', 'appleflower', 'butterfly', 'cloud',
  'drop', 'flowers', 'fog', 'this-is-not-windows'];

export const photoSources: readonly PhotoSource[] = [
  {
    package: 'krank', select: inFolder('usr/share/games/krank/levels/unera-backgrounds/'), downscale: 2,
    freeFormLicence: 'Public Domain (images by Slava Anishenko, per debian/copyright)',
  },
  {
    package: 'lomiri-wallpapers-16.04',
    select: inFolder('usr/share/backgrounds/', undefined, /^(analogpattern|greentock|umang)_/),
    downscale: 2,
  },
  { package: 'lxqt-themes', select: inFolder('usr/share/lxqt/wallpapers/', lxqtPhotos), downscale: 2 },
  {
    package: 'plasma-workspace-wallpapers',
    select: (p) => plasmaPhotos.some((n) => p === `usr/share/wallpapers/${n}/contents/images/2560x1600.jpg`),
    downscale: 2,
  },
  { package: 'mate-backgrounds', select: inFolder('usr/share/backgrounds/mate/nature/'), downscale: 4 },
  { package: 'lomiri-wallpapers-20.04', select: inFolder('usr/share/backgrounds/', ['Kleiber_by_Lukas_Baubkus']), downscale: 2 },
  {
    package: 'digikam-data', select: (p) => p === 'usr/share/digikam/about/images/body-background.jpg', downscale: 2,
    freeFormLicence: 'GPL-2+ (the package default in debian/copyright; no exception names this file)',
  },
  { package: 'palapeli-data', select: inFolder('usr/share/palapeli/collection/'), downscale: 2 },
];
