// The "Export PNG" and "Export SVG" buttons under a chart, saving through the host's save dialog.
// A second chart on the same view names what it exports ("Export word chart as PNG"), so each
// button's name finds one button.
import type { RefObject } from 'react';
import { getHost } from '../../../host';
import { reportError, useUiStore } from '../../../stores/uiStore';
import { chartPngBytes, chartSvgText } from './chartExport';
import type { AnalysisFilter } from '../../../../../shared/analysis/filter';
import { filtered } from '../saveTable';
import { exportedMessage } from '../filter/filterNote';

/**
 * `filter`: the analysis filter the chart was drawn under; the file name and the message say so.
 * `subject` names the buttons ("Export word chart as PNG") where a view has more than one chart.
 */
export function ChartExports({ chart, fileName, label, projectId, filter, subject }: { chart: RefObject<SVGSVGElement | null>; fileName: string; label: string; projectId: string; filter?: AnalysisFilter; subject?: string }) {
  const notify = useUiStore((s) => s.notify);
  const save = (kind: 'png' | 'svg'): void => {
    const svg = chart.current;
    if (!svg) return;
    const content = kind === 'svg' ? Promise.resolve(chartSvgText(svg)) : chartPngBytes(svg);
    content
      .then((bytes) =>
        getHost().saveFile({
          suggestedName: `${filtered(fileName, filter)}.${kind}`,
          content: bytes,
          filters: [kind === 'svg' ? { name: 'SVG image', extensions: ['svg'] } : { name: 'PNG image', extensions: ['png'] }],
        }),
      )
      .then(async (saved) => {
        if (saved.saved) notify('info', await exportedMessage(projectId, 'the chart', saved.fileName, filter));
      })
      .catch(reportError);
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
