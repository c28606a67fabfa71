import test from 'ava';
import * as tf from '@tensorflow/tfjs';
import { asNetwork } from '../ts/experiments/net-io.ts';
import { measurePhysiology, hueAngle } from '../ts/experiments/physiology.ts';
import { makeStimulus } from '../ts/stimuli/index.ts';
import type { Rgb } from '../ts/image.ts';
import { useCpuBackend } from '../ts/tf/backend.ts';

test.before(async () => { await useCpuBackend(); });

const simpleOpponent = (c: Rgb): Rgb => [c[0] + c[1] + c[2], c[0] - c[1], (c[0] + c[1]) / 2 - c[2]];

/** Horizontal box blur over 9 px, per channel (depthwise), 'same' padding. */
function blurNet(width: number) {
  const k = tf.tidy(() => {
    const w = new Float32Array(width * 3 * 3);
    for (let x = 0; x < width; x++) for (let c = 0; c < 3; c++) w[(x * 3 + c) * 3 + c] = 1 / width;
    return tf.tensor4d(w, [1, width, 3, 3]);
  });
  return asNetwork((x: tf.Tensor4D) => tf.conv2d(x, k, 1, 'same') as tf.Tensor4D);
}

test('the identity network shows no illusion on White\'s stimulus', async (t) => {
  const net = asNetwork((x: tf.Tensor4D) => tf.add(x, 0) as tf.Tensor4D);
  const r = await measurePhysiology(net, makeStimulus('whites-grey'), simpleOpponent);
  t.is(r.tests.length, 2);
  for (const test of r.tests) t.deepEqual(test.shift.map((v) => Math.abs(v) < 1e-6), [true, true, true]);
  t.true(r.strength! < 1e-6);
});

test('a horizontal blur makes White\'s test on the dark bar lighter: the human direction, with its strength', async (t) => {
  const stim = makeStimulus('whites-grey');
  const r = await measurePhysiology(blurNet(9), stim, simpleOpponent);
  const t1 = r.tests.find((x) => x.label === 1)!, t2 = r.tests.find((x) => x.label === 2)!;
  t.deepEqual(t1.input.map((v) => +v.toFixed(6)), [0.5, 0.5, 0.5]);
  t.deepEqual(t2.input.map((v) => +v.toFixed(6)), [0.5, 0.5, 0.5]);
  t.true(r.humanWay === true, `cosine ${r.humanCosine}`);
  t.true(r.humanCosine! > 0.99);
  // Both tests are 4 px wide on 4 px bars: a 9-px box mean at the test centre covers test + 2 bars + 1 px... the
  // output difference is bounded by the inducer contrast and is well above zero.
  t.true(r.strength! > 0.05 && r.strength! < 1);
  t.is(r.difference!.rgb[0], r.difference!.rgb[1]);
});

test('hue angle is atan2(YB, RG) in degrees', (t) => {
  t.is(hueAngle([0, 1, 0]), 0);
  t.is(hueAngle([0, 0, 1]), 90);
  t.is(hueAngle([0, -1, 0]), 180);
});

test('Chevreul staircase: scallops are counted per step for an edge-enhancing net', async (t) => {
  // Unsharp masking (x + 1.5·(x − blur(x))) produces Mach-like scallops at every step edge.
  const blur = blurNet(5);
  const net = asNetwork((x: tf.Tensor4D) => tf.sub(tf.mul(x, 2.5), tf.mul(blur.apply(x), 1.5)) as tf.Tensor4D);
  const r = await measurePhysiology(net, makeStimulus('chevreul-grey'), simpleOpponent);
  t.truthy(r.scallops);
  t.true(r.scallops!.predicted >= 3);
  t.is(r.scallops!.humanWay, r.scallops!.predicted);
});

test('the colour gradient\'s input contrast is that of its ramp ends, so its strength is defined', async (t) => {
  const net = asNetwork((x: tf.Tensor4D) => tf.add(x, 0) as tf.Tensor4D);
  const stim = makeStimulus('gradient-colour');
  const r = await measurePhysiology(net, stim, simpleOpponent);
  const p = stim.params as { from: [number, number, number]; to: [number, number, number] };
  const a = simpleOpponent(p.from), b = simpleOpponent(p.to);
  t.true(Math.abs(r.inputContrast! - Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2])) < 1e-12);
  t.true(r.inputContrast! > 0);
  t.true(r.strength! < 1e-6);
});
