// illusion-lab stimuli: render the stimulus catalogue to PNGs (images and masks), JSON sidecars and a contact sheet.
import { join } from 'node:path';
import type { Command } from '../command.ts';
import { numberOption, parseCommandArgs, checkOutputDir } from '../command.ts';
import { UserError } from '../../util/errors.ts';
import { writeJsonAtomic } from '../../util/atomic.ts';
import { LABEL_PNG_SCALE, writeLabelPng, writePng } from '../../io/png.ts';
import { contactSheet } from '../../io/contact-sheet.ts';
import type { RgbImage } from '../../image.ts';
import { maskStatistics, pasteCentred, stimulusCatalogue, stimulusNames, type Stimulus } from '../../stimuli/index.ts';

const usage = `illusion-lab stimuli --out DIR [--only NAME[,NAME…]] [--colour|--grey] [--canvas N --background V]

Writes every catalogued stimulus (the study's set of SCIENCE.md §1 and the wider library) with its default
parameters into DIR:
  NAME.png, or NAME-A.png and NAME-B.png for an A/B pair      the image(s), 8-bit RGB, byte = round(v·255)
  NAME-mask.png, or NAME-A-mask.png and NAME-B-mask.png       the test mask(s), grey, pixel = label·${LABEL_PNG_SCALE}
                                                              (0 = elsewhere, 51 = label 1, 102 = label 2, …)
  NAME.json                                                   resolved parameters, human expectation, and per
                                                              mask: pixel count and bounding box of each label
  contact-sheet.png, contact-sheet.json                       all images tiled (order listed in the JSON)

Options:
  --out DIR          output folder (created if missing)
  --only NAMES       only these stimuli (comma-separated); names: ${stimulusNames.join(', ')}
  --colour, --grey   only the colour / grey variants
  --canvas N         paste every stimulus centred into an N×N canvas (e.g. 256, as the study did for large nets)
  --background V     that canvas's grey level in [0, 1] (default 0.5)`;

export const stimuliCommand: Command = {
  name: 'stimuli',
  summary: 'render the illusion stimuli (images, masks, parameters, contact sheet) to PNG and JSON',
  usage,
  async run(argv) {
    const { values } = parseCommandArgs('stimuli', {
      options: {
        out: { type: 'string' }, only: { type: 'string' }, colour: { type: 'boolean' }, grey: { type: 'boolean' },
        canvas: { type: 'string' }, background: { type: 'string' },
      },
    }, argv);
    if (!values.out) throw new UserError('stimuli: --out DIR is required (see illusion-lab stimuli --help)');
    if (values.colour && values.grey) throw new UserError('stimuli: give at most one of --colour and --grey');
    const variant = values.colour ? 'colour' : values.grey ? 'grey' : undefined;
    const canvas = values.canvas === undefined ? undefined : numberOption('canvas', values.canvas, 0, { min: 1, integer: true });
    const background = numberOption('background', values.background, 0.5, { min: 0, max: 1 });
    if (values.background !== undefined && canvas === undefined) throw new UserError('stimuli: --background needs --canvas');

    let names = [...stimulusNames];
    if (values.only !== undefined) {
      names = values.only.split(',').map((s) => s.trim()).filter((s) => s !== '');
      const unknown = names.filter((n) => !stimulusCatalogue[n]);
      if (unknown.length > 0 || names.length === 0) {
        throw new UserError(`stimuli: unknown stimulus "${unknown.join('", "')}"; valid names: ${stimulusNames.join(', ')}`);
      }
    }
    names = names.filter((n) => variant === undefined || stimulusCatalogue[n].variant === variant);
    if (names.length === 0) throw new UserError(`stimuli: none of the selected stimuli has a ${variant} variant`);

    const out = values.out;
    checkOutputDir('out', out);
    const sheet: RgbImage[] = [];
    const sheetIndex: string[] = [];
    let files = 0;
    for (const name of names) {
      let stim: Stimulus = stimulusCatalogue[name].make();
      if (canvas !== undefined) stim = pasteCentred(stim, { shape: canvas, background });
      const pair = stim.images.length === 2;
      const stem = (k: number) => (pair ? `${name}-${'AB'[k]}` : name);
      const written = stim.images.map((img, k) => {
        writePng(join(out, `${stem(k)}.png`), img);
        writeLabelPng(join(out, `${stem(k)}-mask.png`), stim.masks[k]);
        sheet.push(img);
        sheetIndex.push(stem(k));
        files += 2;
        return { image: `${stem(k)}.png`, mask: `${stem(k)}-mask.png`, labels: maskStatistics(stim.masks[k]) };
      });
      writeJsonAtomic(join(out, `${name}.json`), {
        name: stim.name, family: stim.family, variant: stim.variant, files: written,
        maskPngScale: LABEL_PNG_SCALE, params: stim.params, human: stim.human ?? null,
      });
      files++;
    }
    writePng(join(out, 'contact-sheet.png'), contactSheet(sheet, { columns: 6, cell: 128 }));
    writeJsonAtomic(join(out, 'contact-sheet.json'), { columns: 6, cell: 128, order: sheetIndex });
    process.stdout.write(`stimuli: wrote ${names.length} stimuli (${sheet.length} images, ${files + 2} files) to ${out}\n`);
  },
};
