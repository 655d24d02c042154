// The "Export PNG" and "Export SVG" buttons under a chart, saving through the host's save dialog.
// A second chart on the same view names what it exports ("Export word chart as PNG"), so each
// button's name finds one button.
import type { RefObject } from 'react';
import { getHost } from '../../../host';
import { reportError, useUiStore } from '../../../stores/uiStore';
import { chartPngBytes, chartSvgText } from './chartExport';

export function ChartExports({ chart, fileName, label, subject }: { chart: RefObject<SVGSVGElement | null>; fileName: string; label: string; subject?: string }) {
  const notify = useUiStore((s) => s.notify);
  const save = (kind: 'png' | 'svg'): void => {
    const svg = chart.current;
    if (!svg) return;
    const content = kind === 'svg' ? Promise.resolve(chartSvgText(svg)) : chartPngBytes(svg);
    content
      .then((bytes) =>
        getHost().saveFile({
          suggestedName: `${fileName}.${kind}`,
          content: bytes,
          filters: [kind === 'svg' ? { name: 'SVG image', extensions: ['svg'] } : { name: 'PNG image', extensions: ['png'] }],
        }),
      )
      .then((saved) => {
        if (saved.saved) notify('info', `Exported the chart to ${saved.fileName}.`);
      }, reportError);
  };
  return (
    <div className="chart-exports" role="group" aria-label={`Export ${label}`}>
      <button type="button" onClick={() => save('png')}>
        {subject ? `Export ${subject} as PNG` : 'Export PNG'}
      </button>
      <button type="button" onClick={() => save('svg')}>
        {subject ? `Export ${subject} as SVG` : 'Export SVG'}
      </button>
    </div>
  );
}
