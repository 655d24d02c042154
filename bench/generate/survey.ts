// The "survey" scenario's data: a CSV export of a questionnaire with one short open answer per
// respondent and a few closed questions, quoted the way spreadsheet programs write it.
import { shortAnswer } from './prose';
import { createRandom } from './random';
import type { SurveySize } from './sizes';

export const SURVEY_ID_COLUMN = 'respondent_id';
export const SURVEY_ANSWER_COLUMN = 'q7_what_would_improve_your_journey';

const REGIONS = ['North', 'South', 'East', 'West', 'Centre'];
const USES = ['daily', 'weekly', 'monthly', 'rarely', 'never'];

function quoted(cell: string): string {
  return /[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function generateSurveyCsv(size: SurveySize, seed: number): string {
  const random = createRandom(seed);
  const rows = [[SURVEY_ID_COLUMN, 'age', 'region', 'uses_bus', 'satisfaction', SURVEY_ANSWER_COLUMN].join(',')];
  for (let i = 0; i < size.answers; i++) {
    // A few respondents skip the open question: blanks are data the import must keep.
    const answer = random.chance(0.03) ? '' : shortAnswer(random);
    rows.push(
      [
        `R${String(i + 1).padStart(5, '0')}`,
        String(random.int(16, 90)),
        random.pick(REGIONS),
        random.pick(USES),
        String(random.int(1, 5)),
        answer,
      ]
        .map(quoted)
        .join(','),
    );
  }
  return `${rows.join('\r\n')}\r\n`;
}
