// A small project builder for agreement and merge tests: sources by text, codes by name, codings
// by coder and quoted text, so a test reads like the coding session it describes.
import type { Coder } from '../../../../shared/model/coder';
import type { Code, Coding } from '../../../../shared/model/types';
import type { CaseLink } from '../../../../shared/model/cases';
import { emptySnapshot, type ProjectSnapshot } from '../../../../shared/model/snapshot';

const TIME = '2025-03-01T10:00:00.000Z';

export class ProjectBuilder {
  readonly snapshot: ProjectSnapshot;
  private n = 0;

  constructor(id = 'p1', name = 'Project') {
    this.snapshot = emptySnapshot({ id, name, createdAt: TIME, updatedAt: TIME });
  }

  id(prefix: string): string {
    return `${prefix}-${++this.n}`;
  }

  coder(name: string, id = name.toLowerCase()): Coder {
    const coder: Coder = { id, projectId: this.snapshot.project.id, name, color: '#336699' };
    this.snapshot.coders.push(coder);
    return coder;
  }

  source(name: string, text: string, id = this.id('s')): string {
    const order = this.snapshot.sources.length;
    this.snapshot.sources.push({ id, projectId: this.snapshot.project.id, name, length: text.length, encoding: 'UTF-8', byteSize: text.length, importedAt: TIME, order, format: 'text' });
    this.snapshot.sourceTexts.push({ sourceId: id, projectId: this.snapshot.project.id, text });
    return id;
  }

  code(name: string, parentId: string | null = null, id = this.id('c')): Code {
    const code: Code = { id, projectId: this.snapshot.project.id, parentId, name, description: '', color: '#aa3300', order: this.snapshot.codes.length, createdAt: TIME };
    this.snapshot.codes.push(code);
    return code;
  }

  textOf(sourceId: string): string {
    return this.snapshot.sourceTexts.find((t) => t.sourceId === sourceId)!.text;
  }

  /** Codes [start, end), or the first occurrence of `quote` when given a string. */
  coding(coder: string, codeId: string, sourceId: string, at: string | [number, number], id = this.id('k')): Coding {
    const text = this.textOf(sourceId);
    const [start, end] = typeof at === 'string' ? [text.indexOf(at), text.indexOf(at) + at.length] : at;
    if (start < 0) throw new Error(`"${String(at)}" is not in the source`);
    const coding: Coding = { id, projectId: this.snapshot.project.id, sourceId, codeId, start, end, exact: text.slice(start, end), prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), coder, createdAt: TIME };
    this.snapshot.codings.push(coding);
    return coding;
  }

  caseWith(name: string, links: Array<{ sourceId: string; at?: string }>, id = this.id('case')): string {
    this.snapshot.cases.push({ id, projectId: this.snapshot.project.id, name, order: this.snapshot.cases.length, createdAt: TIME });
    links.forEach(({ sourceId, at }, i) => {
      const link: CaseLink = { id: this.id('link'), projectId: this.snapshot.project.id, caseId: id, sourceId };
      if (at !== undefined) {
        const start = this.textOf(sourceId).indexOf(at);
        Object.assign(link, { start, end: start + at.length, order: i + 1 });
      }
      this.snapshot.caseLinks.push(link);
    });
    return id;
  }
}
