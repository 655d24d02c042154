// Writes small PDFs by hand (Helvetica, WinAnsi text), with a correct cross-reference table,
// so the PDF tests need no binary fixtures.

export interface PdfOptions {
  /** Adds a Standard security handler whose user password is not empty: readers must ask for it. */
  encrypted?: boolean;
}

/** Escapes a string for a PDF literal and encodes it as WinAnsi (Latin-1 for what the tests use). */
function pdfString(text: string): string {
  return `(${text.replace(/[\\()]/g, (c) => `\\${c}`)})`;
}

function latin1(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => {
    const code = c.charCodeAt(0);
    if (code > 0xff) throw new Error(`not Latin-1: ${c}`);
    return code;
  });
}

/** `pages[i]` is the lines of page i+1; an empty page has no text at all (like a scan). */
export function buildPdf(pages: string[][], options: PdfOptions = {}): Uint8Array {
  const objects: string[] = [];
  const add = (body: string) => {
    objects.push(body);
    return objects.length;
  };
  const catalog = add('');
  const pagesObj = add('');
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>');
  const pageIds: number[] = [];
  for (const lines of pages) {
    const ops = lines.length === 0 ? '' : `BT /F1 12 Tf 14 TL 72 720 Td ${lines.map((l, i) => `${i === 0 ? '' : 'T* '}${pdfString(l)} Tj`).join(' ')} ET`;
    const content = add(`<< /Length ${ops.length} >>\nstream\n${ops}\nendstream`);
    pageIds.push(
      add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${content} 0 R >>`),
    );
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`;
  let encrypt = '';
  if (options.encrypted) {
    const hex32 = 'A1'.repeat(32);
    const id = add(`<< /Filter /Standard /V 1 /R 2 /O <${hex32}> /U <${'B2'.repeat(32)}> /P -4 >>`);
    encrypt = ` /Encrypt ${id} 0 R /ID [<${'C3'.repeat(16)}> <${'C3'.repeat(16)}>]`;
  }

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${encrypt} >>\nstartxref\n${xref}\n%%EOF\n`;
  return latin1(out);
}
