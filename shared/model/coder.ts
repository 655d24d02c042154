// A coder: a person who codes in a project. Every coding, memo and history step names one.

/**
 * One coder of a project. `id` is what codings store in `Coding.coder` (a UUID for coders made
 * by this app; other tools' user GUIDs when opened from a .qdpx; "me" for codings made before
 * coders existed).
 */
export interface Coder {
  id: string;
  projectId: string;
  name: string;
  /** `#rrggbb`, used when other coders' codings are shown beside one's own. */
  color: string;
}
