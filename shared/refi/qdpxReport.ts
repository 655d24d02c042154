// What opening a project file did besides reading it: what could not be read, what was
// repaired, and plain information, in sentences a researcher can act on. Repeated problems of
// one kind are kept to a few examples and a count, so a hostile file cannot flood the report.

export type ReportKind = 'not-read' | 'repaired' | 'info';

export interface ReportEntry {
  kind: ReportKind;
  text: string;
}

export interface QdpxReport {
  /** The program that wrote the file (`origin`), when it says. */
  origin: string | null;
  /** True when the file carries Marginalia's own additions (marginalia.json). */
  fromMarginalia: boolean;
  entries: ReportEntry[];
}

const EXAMPLES_PER_TOPIC = 10;

/** Collects entries; `topic` groups repeats of one problem for the count at the end. */
export class ReportBuilder {
  private readonly entries: ReportEntry[] = [];
  private readonly counts = new Map<string, { kind: ReportKind; count: number; label: string }>();

  add(kind: ReportKind, text: string, topic?: string): void {
    if (topic === undefined) {
      this.entries.push({ kind, text });
      return;
    }
    const seen = this.counts.get(topic) ?? { kind, count: 0, label: topic };
    seen.count++;
    this.counts.set(topic, seen);
    if (seen.count <= EXAMPLES_PER_TOPIC) this.entries.push({ kind, text });
  }

  build(origin: string | null, fromMarginalia: boolean): QdpxReport {
    const entries = [...this.entries];
    for (const { kind, count, label } of this.counts.values()) {
      if (count > EXAMPLES_PER_TOPIC) entries.push({ kind, text: `…and ${count - EXAMPLES_PER_TOPIC} more: ${label}.` });
    }
    return { origin, fromMarginalia, entries };
  }
}
