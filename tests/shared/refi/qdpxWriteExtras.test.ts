// The writer finds marginalia.json without reading most codings back (qdpxWriteExtras.ts): it
// must give exactly what reading the whole standard part back and diffing gives, byte for byte,
// for random projects and for projects with everything that makes a coding come back changed or
// not at all (stale quotes, extra fields, ids that are not GUIDs, GUIDs written twice, a BOM,
// positions outside the text, codings of missing codes, case segments, notes on codings).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mutatedArb, projectSnapshotArb } from '../model/projectArb';
import type { ProjectSnapshot } from '../../../shared/model/snapshot';
import { buildExtras } from '../../../shared/refi/qdpxExtras';
import { qdeFromSnapshot } from '../../../shared/refi/qdeFromSnapshot';
import { extrasForBuild, standardSnapshot } from '../../../shared/refi/qdpxWriteExtras';

function bothWays(project: ProjectSnapshot): { fast: string; full: string } {
  const build = qdeFromSnapshot(project, 'Marginalia');
  const full = JSON.stringify(buildExtras(project, standardSnapshot(build, project.project.id), build.ids, 'Marginalia'));
  const fast = JSON.stringify(extrasForBuild(project, build, 'Marginalia'));
  return { fast, full };
}

/** Damage of the kinds real projects (old data, other versions, bugs) may carry, chosen by numbers. */
function roughen(project: ProjectSnapshot, picks: number[]): ProjectSnapshot {
  let k = 0;
  const pick = (n: number): number => (picks.length === 0 ? 0 : picks[k++ % picks.length]! % n);
  const codings = project.codings.map((c, i) => {
    switch (pick(12)) {
      case 0:
        return { ...c, exact: `${c.exact}!` };
      case 1:
        return { ...c, prefix: '' };
      case 2:
        return { ...c, createdAt: 'yesterday' };
      case 3:
        return { ...c, coder: 'me' };
      case 4:
        return { ...c, id: `legacy-${i}` };
      case 5:
        return { ...c, id: `{${c.id.toUpperCase()}}` };
      case 6:
        return { ...c, end: c.start - 1 };
      case 7:
        return { ...c, codeId: 'no-such-code' };
      case 8:
        return { ...c, extra: 'field' } as typeof c;
      case 9: {
        const { suffix: _suffix, ...rest } = c;
        return rest as typeof c;
      }
      default:
        return c;
    }
  });
  // Now and then a GUID written twice: an upper-case copy of a coding's id.
  if (pick(4) === 0 && codings.length > 0) codings.push({ ...codings[0]!, id: `{${codings[0]!.id.toUpperCase()}}` });
  const sourceTexts = project.sourceTexts.map((t) => (pick(6) === 0 ? { ...t, text: `\uFEFF${t.text}` } : pick(6) === 0 ? { ...t, text: t.text.replace(/\n/g, '\r\n') } : t));
  const coders = pick(3) === 0 ? project.coders.slice(1) : project.coders;
  return { ...project, codings, sourceTexts, coders };
}

describe('marginalia.json of a project being written', () => {
  it('is the same as reading the whole standard part back, for random projects', () => {
    fc.assert(
      fc.property(projectSnapshotArb, (project) => {
        const { fast, full } = bothWays(project);
        expect(fast).toBe(full);
      }),
      { numRuns: 80 },
    );
  });

  it('is the same for edited projects (codings of removed codes and sources)', () => {
    fc.assert(
      fc.property(
        projectSnapshotArb.chain((base) => mutatedArb(base)),
        (project) => {
          const { fast, full } = bothWays(project);
          expect(fast).toBe(full);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is the same for projects with stale quotes, legacy ids, repeated GUIDs and odd texts', () => {
    fc.assert(
      fc.property(projectSnapshotArb, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), (project, picks) => {
        const { fast, full } = bothWays(roughen(project, picks));
        expect(fast).toBe(full);
      }),
      { numRuns: 150 },
    );
  });

  it('carries nothing for codings that come back as they were', () => {
    const project = fc.sample(projectSnapshotArb.filter((p) => p.codings.length > 0 && p.memos.every((m) => m.targetKind !== 'coding')), { numRuns: 1, seed: 7 })[0]!;
    const build = qdeFromSnapshot(project, 'Marginalia');
    const extras = extrasForBuild(project, build, 'Marginalia');
    expect(extras.changed.codings).toBeUndefined();
    expect(extras.added.codings).toBeUndefined();
  });
});
