// A REFI-QDA project (project.qde) as plain data, close to the XML: what the reader makes of any
// tool's file before it becomes a Marginalia project, and what the writer builds before it
// serialises. GUIDs are kept as written here; turning them into ids is the next step's job.

export interface QdeUser {
  guid: string;
  name?: string;
}

export interface QdeCode {
  guid: string;
  name: string;
  /** As written; absent when the file omits it (the schema requires it). */
  isCodable?: boolean;
  color?: string;
  description?: string;
  noteRefs: string[];
  children: QdeCode[];
}

export type QdeVariableType = 'Text' | 'Boolean' | 'Integer' | 'Float' | 'Date' | 'DateTime';

export interface QdeVariable {
  guid: string;
  name: string;
  type: QdeVariableType;
  description?: string;
}

export type QdeValueKind = 'TextValue' | 'BooleanValue' | 'IntegerValue' | 'FloatValue' | 'DateValue' | 'DateTimeValue';

export interface QdeVariableValue {
  variableRef: string;
  kind: QdeValueKind;
  /** The element's text as written ("true", "42", "2025-05-12"). */
  value: string;
}

export interface QdeCase {
  guid: string;
  name?: string;
  description?: string;
  codeRefs: string[];
  values: QdeVariableValue[];
  sourceRefs: string[];
  selectionRefs: string[];
}

export interface QdeCoding {
  guid: string;
  codeRef: string;
  creatingUser?: string;
  creationDateTime?: string;
  noteRefs: string[];
}

export interface QdeSelection {
  guid: string;
  name?: string;
  /** Code points, as written (a non-integer is kept as NaN for the reader to report). */
  start: number;
  end: number;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
  description?: string;
  codings: QdeCoding[];
  noteRefs: string[];
}

/** A text source, a note, or the plain-text representation of a PDF (all TextSourceType). */
export interface QdeTextSource {
  guid: string;
  name?: string;
  description?: string;
  plainTextPath?: string;
  plainTextContent?: string;
  richTextPath?: string;
  creatingUser?: string;
  creationDateTime?: string;
  modifyingUser?: string;
  modifiedDateTime?: string;
  selections: QdeSelection[];
  /** Codings of the whole source (no selection). */
  codings: QdeCoding[];
  noteRefs: string[];
  variableValues: QdeVariableValue[];
  /** Set when this text is a PDF's representation: the PDF source's own GUID, name and path. */
  pdf?: { guid: string; name?: string; path?: string; regionSelections: number };
}

export interface QdeSet {
  guid: string;
  name: string;
  description?: string;
  memberCodes: string[];
  memberSources: string[];
  memberNotes: string[];
}

/** Something in the file that Marginalia does not read (yet), named for the report. */
export interface QdeUnsupported {
  what: string;
  name: string;
}

export interface QdeDocument {
  name: string;
  origin?: string;
  creatingUserGUID?: string;
  creationDateTime?: string;
  modifyingUserGUID?: string;
  modifiedDateTime?: string;
  description?: string;
  users: QdeUser[];
  codes: QdeCode[];
  variables: QdeVariable[];
  cases: QdeCase[];
  sources: QdeTextSource[];
  notes: QdeTextSource[];
  sets: QdeSet[];
  noteRefs: string[];
  unsupported: QdeUnsupported[];
}

export const PROJECT_NAMESPACE = 'urn:QDA-XML:project:1.0';
