// OpenDocument text (.odt, LibreOffice/OpenOffice Writer): the package is checked like any zip
// document, then content.xml (and styles.xml for list numbering) become plain text.
import { MAX_FILE_BYTES, tooMuchTextReason } from '../limits';
import { fail, type ParseResult } from '../result';
import { openOfficeContainer } from './container';
import { odfContentToText, TextTooLongError, type OdfText } from './odtText';

const ODT = {
  title: 'an OpenDocument text (.odt)',
  maxBytes: MAX_FILE_BYTES.odt,
  ole2Advice: 'This .odt file is really an older Microsoft Office file. Open it in LibreOffice or Word and save it as .odt or .docx, then import it again.',
};

const OTHER_ODF: Readonly<Record<string, string>> = {
  'application/vnd.oasis.opendocument.spreadsheet': 'an OpenDocument spreadsheet (.ods)',
  'application/vnd.oasis.opendocument.presentation': 'an OpenDocument presentation (.odp)',
  'application/vnd.oasis.opendocument.graphics': 'an OpenDocument drawing (.odg)',
};

export function parseOdt(bytes: Uint8Array): ParseResult {
  const opened = openOfficeContainer(bytes, ODT);
  if (!opened.ok) return opened;
  const { zip } = opened;
  // The first entry of every ODF package names its type; text, templates and master documents
  // all have a text body.
  const mimetype = zip.has('mimetype') ? zip.readText('mimetype') : null;
  if (mimetype?.ok) {
    const type = mimetype.text.trim();
    if (OTHER_ODF[type]) return fail(`This file is ${OTHER_ODF[type]}, not a text document.`);
  }
  if (!zip.has('content.xml')) return fail('This file is a zip archive but not an OpenDocument text (it has no content.xml).');
  const content = zip.readText('content.xml');
  if (!content.ok) return fail(content.reason);
  const styles = zip.has('styles.xml') ? zip.readText('styles.xml') : null;
  if (styles && !styles.ok) return fail(styles.reason);
  let read: OdfText;
  try {
    read = odfContentToText(content.text, styles?.ok ? styles.text : undefined);
  } catch (error) {
    if (error instanceof TextTooLongError) return fail(tooMuchTextReason());
    return fail('This OpenDocument file could not be read: its content is not well-formed XML.');
  }
  const { text } = read;
  if (text === '') return fail('This document has no text (it may hold only images, such as a scan).');
  const warnings = [...read.warnings];
  if (zip.entries.some((e) => e.name.startsWith('Pictures/'))) warnings.push('The document contains images; only its text was imported.');
  return { ok: true, text, ...(warnings.length > 0 ? { warnings } : {}) };
}
