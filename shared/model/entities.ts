// The kinds of record a project is made of, and how each one is identified: the vocabulary
// shared by change sets, the history, snapshots, project files and merges.
import type { Code, CodeSet, Coding, Memo, Project, Source, SourceOriginal, SourceText } from './types';
import type { AttributeDefinition, AttributeValue, Case, CaseLink } from './cases';
import type { Coder } from './coder';
import type { SavedQuery } from './savedQuery';

/**
 * One case's value for one attribute, as a change set and a snapshot carry it. Identified by the
 * pair (case, attribute): a value has no id of its own. A missing value is an absent entry, never
 * `null` here (so "set a blank cell" is a removal).
 */
export interface CaseValue {
  projectId: string;
  caseId: string;
  attributeId: string;
  value: Exclude<AttributeValue, null>;
}

/** Every kind of record, by the name change sets and snapshots use for it. */
export interface EntityTypes {
  projects: Project;
  sources: Source;
  /** A source's text: added with its source and removed with it, never updated. */
  sourceTexts: SourceText;
  /** A source's original file: added with its source and removed with it, never updated. */
  sourceOriginals: SourceOriginal;
  codes: Code;
  codeSets: CodeSet;
  codings: Coding;
  memos: Memo;
  cases: Case;
  attributes: AttributeDefinition;
  caseValues: CaseValue;
  caseLinks: CaseLink;
  coders: Coder;
  /** Saved coding queries and analysis filters. */
  savedQueries: SavedQuery;
}

export type EntityKind = keyof EntityTypes;

/** In the order a change set is applied: a record comes after what it refers to. */
export const ENTITY_KINDS: readonly EntityKind[] = [
  'projects',
  'coders',
  'sources',
  'sourceTexts',
  'sourceOriginals',
  'codes',
  'codeSets',
  'cases',
  'attributes',
  'caseValues',
  'caseLinks',
  'codings',
  'memos',
  'savedQueries',
];

/** The key that identifies a record of a kind within its project. */
export function keyOf<K extends EntityKind>(kind: K, record: EntityTypes[K]): string {
  switch (kind) {
    case 'sourceTexts':
      return (record as SourceText).sourceId;
    case 'sourceOriginals':
      return (record as SourceOriginal).sourceId;
    case 'caseValues': {
      const value = record as CaseValue;
      return caseValueKey(value.caseId, value.attributeId);
    }
    default:
      return (record as { id: string }).id;
  }
}

export function caseValueKey(caseId: string, attributeId: string): string {
  return `${caseId}\u0000${attributeId}`;
}
