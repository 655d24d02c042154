// The shapes of the synthetic data. The numbers live in the runner (bench/run/config.mjs): the
// issue's sizes by default, small ones with BENCH_QUICK=1 and in the smoke test.

export interface DocumentSize {
  paragraphs: number;
  /** Average paragraph length in characters (blank lines included). */
  averageParagraph: number;
  codings: number;
  codes: number;
}

export interface ProjectSize {
  sources: number;
  /** Characters per source. */
  sourceLength: number;
  codings: number;
  codes: number;
}

export interface SurveySize {
  answers: number;
}
