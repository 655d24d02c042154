// A count with its noun, in the UI's English: "1 coding", "3 codings", "2 children".
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}
