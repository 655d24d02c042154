// The first-run tour's five things to know, in the order a new project needs them. Each names the
// command a user will look for, exactly as the menus and the README call it.
export interface TourStep {
  title: string;
  text: string;
}

export const TOUR_STEPS: readonly TourStep[] = [
  {
    title: 'Import',
    text: 'File → Import sources brings in transcripts, documents, PDFs and survey tables (or drop files on the window). This sample project already has two sources.',
  },
  {
    title: 'Code',
    text: 'Select text in the document, then pick a code from the menu that opens, or press 1–9. Click coded text to see or remove its codes.',
  },
  {
    title: 'Codebook',
    text: 'The Codebook on the right holds your codes: New code, drag to nest, Enter or F2 to edit. Hover a code in the menu to read its definition.',
  },
  {
    title: 'Retrieve',
    text: 'The Coded segments tab lists every passage of a code across sources; Co-occurrence shows which codes overlap.',
  },
  {
    title: 'Export',
    text: 'File → Export coded segments (CSV), Export codebook, or Save project as a .qdpx for NVivo, ATLAS.ti, MAXQDA and QualCoder.',
  },
];
