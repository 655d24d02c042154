// Many strings stored as one: the strings end to end and where each ends. Structured cloning
// copies one string in one piece, where a list of strings costs one clone per string (history
// steps' codings, quote parts).

export function joinedWithEnds(values: readonly string[]): { text: string; ends: Uint32Array } {
  const ends = new Uint32Array(values.length);
  let length = 0;
  for (let i = 0; i < values.length; i++) {
    length += values[i]!.length;
    ends[i] = length;
  }
  return { text: values.join(''), ends };
}
