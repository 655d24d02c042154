// A named analysis item kept in the project: a coding query or an analysis filter, saved by the
// user to run again later. The definition is plain JSON owned by the analysis code that reads it
// (shared/analysis/querySchema.ts for queries, filterSchema.ts for filters), which validates it
// on every read: a project file from elsewhere may hold anything there.

/** JSON as JSON.parse returns it: what a definition may hold, so storage and files keep it as is. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export type SavedQueryType = 'query' | 'filter';

export interface SavedQuery {
  id: string;
  projectId: string;
  /** What the user called it; shown in the list of saved queries or filters. */
  name: string;
  /** 'query': a coding query (shared/analysis/queries.ts `Query`); 'filter': an `AnalysisFilter`. */
  type: SavedQueryType;
  definition: JsonValue;
  /** ISO 8601. */
  createdAt: string;
  /** ISO 8601. */
  updatedAt: string;
  /** Position in its list; absent means after the ordered ones, by name. */
  order?: number;
}
