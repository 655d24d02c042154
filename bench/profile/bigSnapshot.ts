// The big project as the bench generates it (500 sources, 20 M characters, 100,000 codings; the
// quick size: 50 sources, 10,000 codings), as one snapshot: what the .qdpx profiles write and read.
// No Node imports: the write profile also runs in Chromium.
import { generateProject } from '../generate/bigProject';
import { BENCH_CODER } from '../generate/bigDocument';
import { emptySnapshot, type ProjectSnapshot } from '../../shared/model/snapshot';

export function bigProjectSnapshot(quick = false): ProjectSnapshot {
  const size = quick ? { sources: 50, sourceLength: 40_000, codings: 10_000, codes: 50 } : { sources: 500, sourceLength: 40_000, codings: 100_000, codes: 50 };
  const generated = generateProject(size, 1);
  const snapshot = emptySnapshot({ id: generated.projectId, name: 'Bench: big project', createdAt: '2024-03-01T09:00:00.000Z', updatedAt: '2024-03-02T09:00:00.000Z' });
  snapshot.coders.push({ id: BENCH_CODER, projectId: generated.projectId, name: BENCH_CODER, color: '#4363d8' });
  snapshot.codes.push(...generated.codes);
  generated.sources.forEach((s, order) => {
    snapshot.sources.push({ id: s.id, projectId: generated.projectId, name: s.name, length: s.text.length, encoding: 'UTF-8', byteSize: s.text.length, importedAt: '2024-03-01T09:00:00.000Z', order, format: 'text' });
    snapshot.sourceTexts.push({ sourceId: s.id, projectId: generated.projectId, text: s.text });
  });
  for (const c of generated.codings) snapshot.codings.push(c);
  return snapshot;
}
