// Study step: artificial physiology of one network on the study's stimuli, and illusion strength along
// each stimulus's sweep parameter. Numbers only (the report re-renders the few outputs it shows).
import type { Rgb } from '../../image.ts';
import { measurePhysiology, type PhysiologyResult, type ToOpponent } from '../../experiments/physiology.ts';
import type { ImageNetwork } from '../../experiments/net-io.ts';
import { stimulusCatalogue, type Stimulus } from '../../stimuli/index.ts';

export type PhysiologyRecord = Omit<PhysiologyResult, 'outputs'>;

export interface SweepRecord {
  stimulus: string;
  param: string;
  value: number;
  strength: number | null;
  humanWay: boolean | null;
  /** Chevreul: fraction of predicted steps with human-way scallops */
  scallopFraction: number | null;
}

function strip(r: PhysiologyResult): PhysiologyRecord {
  const { outputs: _outputs, ...rest } = r;
  return rest;
}

export async function physiologyStep(net: ImageNetwork, stimuli: readonly Stimulus[], toOpponent: ToOpponent,
  tick: () => void): Promise<PhysiologyRecord[]> {
  const out: PhysiologyRecord[] = [];
  for (const s of stimuli) {
    out.push(strip(await measurePhysiology(net, s, toOpponent)));
    tick();
  }
  return out;
}

/** Every (stimulus, sweep value) of the given catalogue names. */
export function sweepPlan(names: readonly string[]): { name: string; param: string; value: number }[] {
  return names.flatMap((name) => {
    const e = stimulusCatalogue[name];
    return e?.sweep ? e.sweep.values.map((value) => ({ name, param: e.sweep!.param, value })) : [];
  });
}

export async function sweepStep(net: ImageNetwork, plan: ReturnType<typeof sweepPlan>, toOpponent: ToOpponent,
  tick: () => void): Promise<SweepRecord[]> {
  const out: SweepRecord[] = [];
  for (const p of plan) {
    const stim = stimulusCatalogue[p.name].make({ [p.param]: p.value });
    const r = await measurePhysiology(net, stim, toOpponent);
    out.push({
      stimulus: p.name, param: p.param, value: p.value,
      strength: r.strength ?? null, humanWay: r.humanWay ?? null,
      scallopFraction: r.scallops && r.scallops.predicted > 0 ? r.scallops.humanWay / r.scallops.predicted : null,
    });
    tick();
  }
  return out;
}

export type { Rgb };
