// Measures a worksheet's XML before any spreadsheet library sees it: which rows and columns hold
// values, counted in one linear pass over the text, without building a cell. A sheet whose
// <dimension> or one stray cell claims XFD1048576 would make a dense reader allocate 17 billion
// cells; here it is refused by its numbers. The sheet is also rewritten without the rows that
// hold no value, so what the reader allocates is bounded by the cells that exist.
import { SURVEY_LIMITS } from '../limits';

export interface SheetExtent {
  /** The last row (1-based) with a value; 0 for an empty sheet. */
  lastRow: number;
  /** The last column (1-based) with a value. */
  lastColumn: number;
}

export type SheetScan = { ok: true; xml: string; extent: SheetExtent } | { ok: false; reason: string };

const ROW_OPEN = /<(?:[\w.-]+:)?row\b([^>]*?)(\/?)>/g;
const CELL_OPEN = /<(?:[\w.-]+:)?c\b([^>]*?)(\/?)>/g;
const CELL_CLOSE = /<\/(?:[\w.-]+:)?c>/g;
const ROW_CLOSE = /<\/(?:[\w.-]+:)?row>/g;
const ROW_NUMBER = /\br\s*=\s*["'](\d{1,9})["']/;
const CELL_REF = /\br\s*=\s*["']\$?([A-Za-z]{1,4})\$?(\d{1,9})["']/;
/** A value: <v>…</v> with something in it, or an inline string. */
const HAS_VALUE = /<(?:[\w.-]+:)?v>[^<]|<(?:[\w.-]+:)?is>/;

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** The limits a survey sheet is held to: the header row plus `maxRows` answers, `maxColumns` wide. */
export function refuseExtent(extent: SheetExtent, limits: typeof SURVEY_LIMITS = SURVEY_LIMITS): string | null {
  if (extent.lastRow > limits.maxRows + 1) {
    return `The sheet has data down to row ${extent.lastRow.toLocaleString('en')}; at most ${limits.maxRows.toLocaleString('en')} rows (below the header row) can be imported.`;
  }
  if (extent.lastColumn > limits.maxColumns) {
    return `The sheet has data in column ${extent.lastColumn.toLocaleString('en')}; at most ${limits.maxColumns.toLocaleString('en')} columns can be imported.`;
  }
  const cells = extent.lastRow * extent.lastColumn;
  if (cells > limits.maxCells) {
    return `The sheet spans ${extent.lastRow.toLocaleString('en')} rows by ${extent.lastColumn.toLocaleString('en')} columns; at most ${limits.maxCells.toLocaleString('en')} cells can be imported.`;
  }
  return null;
}

/**
 * Scans one worksheet. Stops at the first row or column past the limits, so a sheet claiming a
 * million rows costs no more than reading its text.
 */
export function scanSheet(xml: string, limits: typeof SURVEY_LIMITS = SURVEY_LIMITS): SheetScan {
  const extent: SheetExtent = { lastRow: 0, lastColumn: 0 };
  const kept: string[] = [];
  let copiedUpTo = 0;
  let previousRow = 0;
  ROW_OPEN.lastIndex = 0;
  for (let open = ROW_OPEN.exec(xml); open !== null; open = ROW_OPEN.exec(xml)) {
    const rowStart = open.index;
    const declared = ROW_NUMBER.exec(open[1]!);
    let rowNumber = declared ? Number(declared[1]) : previousRow + 1;
    let rowEnd: number;
    let hasValue = false;
    if (open[2] === '/') {
      rowEnd = ROW_OPEN.lastIndex;
    } else {
      ROW_CLOSE.lastIndex = ROW_OPEN.lastIndex;
      const close = ROW_CLOSE.exec(xml);
      rowEnd = close ? ROW_CLOSE.lastIndex : xml.length;
      const body = xml.slice(ROW_OPEN.lastIndex, close ? close.index : xml.length);
      let column = 0;
      CELL_OPEN.lastIndex = 0;
      for (let cell = CELL_OPEN.exec(body); cell !== null; cell = CELL_OPEN.exec(body)) {
        const ref = CELL_REF.exec(cell[1]!);
        column = ref ? columnNumber(ref[1]!) : column + 1;
        if (ref && !declared) rowNumber = Number(ref[2]);
        if (cell[2] === '/') continue;
        CELL_CLOSE.lastIndex = CELL_OPEN.lastIndex;
        const cellClose = CELL_CLOSE.exec(body);
        const inner = body.slice(CELL_OPEN.lastIndex, cellClose ? cellClose.index : body.length);
        if (cellClose) CELL_OPEN.lastIndex = CELL_CLOSE.lastIndex;
        if (!HAS_VALUE.test(inner)) continue;
        hasValue = true;
        if (column > extent.lastColumn) extent.lastColumn = column;
      }
    }
    previousRow = rowNumber;
    ROW_OPEN.lastIndex = rowEnd;
    if (hasValue) {
      extent.lastRow = Math.max(extent.lastRow, rowNumber);
      const refused = refuseExtent(extent, limits);
      if (refused) return { ok: false, reason: refused };
    } else {
      // A row with no value (formatting only) is left out: the reader would pad up to it.
      kept.push(xml.slice(copiedUpTo, rowStart));
      copiedUpTo = rowEnd;
    }
  }
  kept.push(xml.slice(copiedUpTo));
  // <dimension ref="A1:XFD1048576"/> is only advice, and wrong here: drop it.
  const rewritten = kept.join('').replace(/<(?:[\w.-]+:)?dimension\b[^>]*\/>/, '');
  return { ok: true, xml: rewritten, extent };
}
