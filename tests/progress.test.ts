import test from 'ava';
import { formatDuration } from '../ts/util/progress.ts';

test('durations never show 60 seconds and carry into minutes and hours', (t) => {
  t.is(formatDuration(5.25), '5.3s');
  t.is(formatDuration(59.4), '59s');
  t.is(formatDuration(119.6), '2m00s');
  t.is(formatDuration(61), '1m01s');
  t.is(formatDuration(3599.7), '1h00m');
  t.is(formatDuration(7325), '2h02m');
  t.is(formatDuration(NaN), '?');
});
