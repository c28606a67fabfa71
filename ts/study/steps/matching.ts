// Study step: asymmetric matching on every two-test stimulus (A's test = label 1, B's = label 2; for
// single-image stimuli both live in the same image).
import { asymmetricMatch, type MatchResult } from '../../experiments/matching.ts';
import type { ImageNetwork } from '../../experiments/net-io.ts';
import type { Stimulus } from '../../stimuli/index.ts';

export interface MatchRecord extends MatchResult {
  stimulus: string;
  variant: string;
}

function side(s: Stimulus, label: number) {
  const i = s.masks.findIndex((m) => m.data.includes(label));
  return i < 0 ? undefined : { image: s.images[i], mask: s.masks[i], label };
}

export function matchable(s: Stimulus): boolean {
  return !s.human?.edges && side(s, 1) !== undefined && side(s, 2) !== undefined;
}

export async function matchingStep(net: ImageNetwork, stimuli: readonly Stimulus[], maxIterations: number, tick: () => void): Promise<MatchRecord[]> {
  const out: MatchRecord[] = [];
  for (const s of stimuli.filter(matchable)) {
    const r = await asymmetricMatch(net, side(s, 1)!, side(s, 2)!, { maxIterations });
    out.push({ stimulus: s.name, variant: s.variant, ...r });
    tick();
  }
  return out;
}
