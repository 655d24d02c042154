// A chart on screen as a file: SVG text with the colours and fonts the page computed for it written
// into the elements (CSS custom properties mean nothing outside the page), or that SVG drawn onto a
// canvas at twice its size as PNG bytes. Saved through the host's save dialog.

const STYLED = ['fill', 'stroke', 'stroke-width', 'font-family', 'font-size', 'font-weight', 'opacity'] as const;

/** The chart as a standalone SVG document, looking as it does now (in the current theme). */
export function chartSvgText(svg: SVGSVGElement): string {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll<SVGElement>('*')];
  const copies = [copy, ...copy.querySelectorAll<SVGElement>('*')];
  originals.forEach((element, i) => {
    const target = copies[i]!;
    const computed = getComputedStyle(element);
    target.removeAttribute('class');
    for (const property of STYLED) {
      const value = computed.getPropertyValue(property);
      if (value) target.style.setProperty(property, value);
    }
  });
  const [, , width, height] = (svg.getAttribute('viewBox') ?? '0 0 640 480').split(' ').map(Number);
  copy.setAttribute('width', String(width));
  copy.setAttribute('height', String(height));
  copy.removeAttribute('style');
  copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(copy)}`;
}

/** The chart as PNG bytes at `scale` times its drawn size. */
export async function chartPngBytes(svg: SVGSVGElement, scale = 2): Promise<Uint8Array> {
  const text = chartSvgText(svg);
  const [, , width = 640, height = 480] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
  const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.src = url;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(width * scale);
    canvas.height = Math.round(height * scale);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('This window cannot draw the chart as an image.');
    context.scale(scale, scale);
    context.drawImage(image, 0, 0, width, height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
    if (!blob) throw new Error('The chart could not be turned into a PNG image.');
    return new Uint8Array(await blob.arrayBuffer());
  } finally {
    URL.revokeObjectURL(url);
  }
}
