// Picks a code colour from the palette (chosen to stay readable behind text) or any custom one.
import { CODE_PALETTE } from '../../../../shared/codebook/palette';

const PALETTE_NAMES: Record<string, string> = {
  '#e6194b': 'Red',
  '#3cb44b': 'Green',
  '#4363d8': 'Blue',
  '#f58231': 'Orange',
  '#911eb4': 'Purple',
  '#42d4f4': 'Cyan',
  '#f032e6': 'Magenta',
  '#bfef45': 'Lime',
  '#9a6324': 'Brown',
  '#469990': 'Teal',
  '#ffe119': 'Yellow',
  '#808000': 'Olive',
};

export function ColorPicker({ value, onChange }: { value: string; onChange(color: string): void }) {
  return (
    <fieldset className="color-picker">
      <legend>Colour</legend>
      <div className="swatches" role="radiogroup" aria-label="Colour">
        {CODE_PALETTE.map((color) => (
          <label key={color} className="swatch" style={{ background: color }} title={PALETTE_NAMES[color]}>
            <input
              type="radio"
              name="code-colour"
              value={color}
              aria-label={PALETTE_NAMES[color]}
              checked={value.toLowerCase() === color}
              onChange={() => onChange(color)}
            />
          </label>
        ))}
        <label className="custom-colour">
          <span>Custom</span>
          <input type="color" aria-label="Custom colour" value={value} onChange={(e) => onChange(e.target.value)} />
        </label>
      </div>
    </fieldset>
  );
}
