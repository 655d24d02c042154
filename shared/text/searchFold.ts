// Text folded for searching as people type: lower case and without accents, so "cafe" finds "Café".
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}
