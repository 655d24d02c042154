// Word documents (.docx) through mammoth: headings, paragraphs, lists and tables as readable
// plain text. mammoth reads the zip with JSZip, which inflates without limits, so it never sees
// the original bytes: we check the package, inflate its XML parts within their declared sizes,
// and hand mammoth a repacked, uncompressed copy.
import mammoth from 'mammoth';
import { MAX_FILE_BYTES } from '../limits';
import { fail, type ParseResult } from '../result';
import { openOfficeContainer, repackXmlParts } from './container';
import { htmlToReadableText } from './htmlText';

const DOCX = {
  title: 'a Word document (.docx)',
  maxBytes: MAX_FILE_BYTES.docx,
  ole2Advice:
    'This .docx file is either password-protected or an older Word (.doc) document. Remove the password, or open it in Word or LibreOffice and save it as .docx, then import it again.',
};

/**
 * mammoth's Node build reads `buffer`, its browser build (chosen by bundlers through the
 * package's "browser" field) reads `arrayBuffer`; passing both works in each host.
 */
function mammothInput(bytes: Uint8Array): Parameters<typeof mammoth.convertToHtml>[0] {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return { arrayBuffer, buffer: bytes } as unknown as Parameters<typeof mammoth.convertToHtml>[0];
}

export async function parseDocx(bytes: Uint8Array): Promise<ParseResult> {
  const opened = openOfficeContainer(bytes, DOCX);
  if (!opened.ok) return opened;
  const { zip } = opened;
  if (!zip.has('word/document.xml') && !zip.has('_rels/.rels')) {
    return fail('This file is a zip archive but not a Word document (it has no document body).');
  }

  const repacked = repackXmlParts(zip);
  if (!repacked.ok) return fail(repacked.reason);

  let html: string;
  try {
    const result = await mammoth.convertToHtml(mammothInput(repacked.bytes), {
      // Images are not imported; an empty converter stops mammoth reading them at all.
      convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })),
      externalFileAccess: false,
    });
    html = result.value;
  } catch {
    return fail('This Word document could not be read (it may be damaged, or not really a .docx file).');
  }
  const text = htmlToReadableText(html);
  if (text === '') return fail('This Word document has no text (it may hold only images, such as a scan).');
  const warnings: string[] = [];
  if (zip.entries.some((e) => e.name.startsWith('word/media/'))) {
    warnings.push('The document contains images; only its text was imported.');
  }
  return { ok: true, text, ...(warnings.length > 0 ? { warnings } : {}) };
}
