import test from 'ava';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stimuliCommand } from '../ts/cli/commands/stimuli.ts';
import { decodeLabelPng, readPngFile } from '../ts/io/png.ts';
import { UserError } from '../ts/util/errors.ts';
import { stimulusNames } from '../ts/stimuli/index.ts';

async function runQuiet(argv: string[]): Promise<string> {
  const write = process.stdout.write.bind(process.stdout);
  let out = '';
  process.stdout.write = ((s: string) => { out += s; return true; }) as typeof process.stdout.write;
  try { await stimuliCommand.run(argv); } finally { process.stdout.write = write; }
  return out;
}

test.serial('stimuli --only writes images, masks, sidecars with mask statistics, and a contact sheet', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stimuli-'));
  try {
    const line = await runQuiet(['--out', dir, '--only', 'whites-grey,dungeon-colour']);
    t.is(line, `stimuli: wrote 2 stimuli (3 images, 10 files) to ${dir}\n`);
    t.deepEqual(readdirSync(dir).sort(), ['contact-sheet.json', 'contact-sheet.png', 'dungeon-colour-A-mask.png',
      'dungeon-colour-A.png', 'dungeon-colour-B-mask.png', 'dungeon-colour-B.png', 'dungeon-colour.json',
      'whites-grey-mask.png', 'whites-grey.json', 'whites-grey.png']);
    const side = JSON.parse(readFileSync(join(dir, 'whites-grey.json'), 'utf8'));
    t.deepEqual(side.files[0].labels, [
      { label: 1, pixels: 64, rows: [56, 71], cols: [32, 35] },
      { label: 2, pixels: 64, rows: [56, 71], cols: [84, 87] },
    ]);
    t.is(side.params.barWidth, 4);
    t.deepEqual(side.human.direction, { 1: [-0.5, -0.5, -0.5], 2: [0.5, 0.5, 0.5] });
    const img = readPngFile(join(dir, 'dungeon-colour-A.png'));
    t.deepEqual([img.height, img.width], [128, 128]);
    t.deepEqual([...img.data.subarray((3 * 128 + 3) * 3, (3 * 128 + 3) * 3 + 3)].map((v) => Math.round(v * 255)), [0, 148, 255]);
    const mask = decodeLabelPng(readFileSync(join(dir, 'dungeon-colour-B-mask.png')));
    t.is(mask.data.filter((v) => v === 2).length, 36 * 36);
    t.deepEqual(JSON.parse(readFileSync(join(dir, 'contact-sheet.json'), 'utf8')).order, ['whites-grey', 'dungeon-colour-A', 'dungeon-colour-B']);
    t.false(readdirSync(dir).some((f) => f.endsWith('.tmp')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.serial('stimuli --colour --canvas 256 pastes every colour stimulus into a grey 256² canvas', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'stimuli-'));
  try {
    const line = await runQuiet(['--out', dir, '--colour', '--canvas', '256', '--only', 'rings-colour,gradient-colour,gradient-grey']);
    t.regex(line, /wrote 2 stimuli \(3 images/);
    const img = readPngFile(join(dir, 'gradient-colour.png'));
    t.deepEqual([img.height, img.width], [256, 256]);
    t.deepEqual([...img.data.subarray(0, 3)].map((v) => Math.round(v * 255)), [128, 128, 128]);
    t.false(existsSync(join(dir, 'gradient-grey.png')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.serial('bad options are one clear UserError line', async (t) => {
  await t.throwsAsync(runQuiet(['--only', 'x']), { instanceOf: UserError, message: /--out DIR is required/ });
  const e = await t.throwsAsync(runQuiet(['--out', '/tmp/never', '--only', 'whites,rings-grey']), { instanceOf: UserError });
  t.is(e!.message, `stimuli: unknown stimulus "whites"; valid names: ${stimulusNames.join(', ')}`);
  t.false(e!.message.includes('\n'));
  await t.throwsAsync(runQuiet(['--out', '/tmp/never', '--colour', '--grey']), { message: /at most one of --colour and --grey/ });
  await t.throwsAsync(runQuiet(['--out', '/tmp/never', '--grey', '--only', 'munker-white']), { message: /none of the selected stimuli has a grey variant/ });
  await t.throwsAsync(runQuiet(['--out', '/tmp/never', '--canvas', '64']), { message: /does not fit a 64×64 canvas/ });
  await t.throwsAsync(runQuiet(['--out', '/tmp/never', '--background', '0.2']), { message: /--background needs --canvas/ });
  await t.throwsAsync(runQuiet(['--out', '/tmp/never', '--bogus']), { message: /stimuli: Unknown option '--bogus'/ });
  t.false(existsSync('/tmp/never'));
});
