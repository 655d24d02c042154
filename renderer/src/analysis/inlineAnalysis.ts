// The AnalysisClient on the main thread: the same operations the worker runs, called directly.
// Used where no Worker exists (jsdom tests) or when one cannot start.
import type { AnalysisClient } from './analysisClient';
import * as operations from './analysisOperations';

export function createInlineAnalysis(): AnalysisClient {
  return {
    warmUp: operations.warmUp,
    retrieveSegments: operations.retrieveSegments,
    segmentTexts: operations.segmentTexts,
    segmentDetails: operations.segmentDetails,
    findInSource: operations.findInSource,
    cooccurrence: operations.cooccurrence,
    storeSurvey: operations.storeSurvey,
    segmentsCsv: operations.segmentsCsv,
    crosstab: operations.crosstab,
    crosstabCell: operations.crosstabCell,
    codeFrequencyTable: operations.codeFrequencyTable,
    wordFrequencyTable: operations.wordFrequencyTable,
    previewAutoCode: operations.previewAutoCode,
    commitAutoCode: operations.commitAutoCode,
    writeProjectFile: (projectId, onProgress) => operations.writeProjectFile(projectId, onProgress),
    writeProjectBackup: operations.writeProjectBackup,
    openProjectFile: operations.openProjectFile,
    prepareQueries: operations.prepareQueries,
    runCodingQuery: operations.runCodingQuery,
    unitMatrixCsv: operations.unitMatrixCsv,
    agreementChoices: operations.agreementChoices,
    agreementFigures: operations.agreementFigures,
    agreementReport: operations.agreementReport,
  };
}
