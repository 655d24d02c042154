// A quick Node measurement of merge planning: two copies of a big project (20 M characters,
// about 100,000 codings each, half of them shared, the other half a colleague's own), as the
// issue's benchmark describes. Run with `node bench/agreement/run.mjs`.
import { planMerge } from '../../shared/merge/planMerge';
import { applyToState, stateOf } from '../../shared/model/snapshot';
import { isEmptyChangeSet } from '../../shared/model/changeSet';
import type { ProjectSnapshot } from '../../shared/model/snapshot';
import { bigProject } from './bigProject';

export function measureMerge(): string[] {
  const { p: ours, chars } = bigProject(20_000_000, 210);
  const theirs: ProjectSnapshot = {
    ...ours,
    coders: [...ours.coders, { id: 'dana', projectId: 'p', name: 'dana', color: '#000000' }],
    codings: ours.codings.map((c, i) => (i % 2 === 0 ? c : { ...c, id: `theirs-${i}`, coder: 'dana', start: c.start + 1 })),
  };
  let n = 0;
  const newId = (): string => `fresh-${++n}`;
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const plan = planMerge(ours, theirs, { newId });
  const c1 = process.cpuUsage(c0);
  const ms = performance.now() - t0;
  const state = stateOf(ours);
  applyToState(state, plan.changes);
  const lines = [
    `merge: ${(chars / 1e6).toFixed(1)} M characters, ${ours.codings.length.toLocaleString('en')} codings each side, half shared`,
    `planMerge: ${ms.toFixed(0)} ms wall, ${((c1.user + c1.system) / 1000).toFixed(0)} ms CPU; ${plan.report.counts.codings.added.toLocaleString('en')} codings added, ${plan.report.counts.codings.matched.toLocaleString('en')} matched`,
  ];
  const again = planMerge({ ...ours, codings: [...state.codings.values()], coders: [...state.coders.values()] }, theirs, { newId });
  lines.push(`second merge of the same file: ${isEmptyChangeSet(again.changes) ? 'no changes' : 'CHANGES (wrong)'}`);
  return lines;
}
