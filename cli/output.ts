// Where the command line writes: results to standard output, one line per warning or error to
// standard error, each prefixed with the program's name as Unix tools do.

export interface Output {
  stdout(line: string): void;
  warn(line: string): void;
  error(line: string): void;
}

export const consoleOutput: Output = {
  stdout: (line) => process.stdout.write(`${line}\n`),
  warn: (line) => process.stderr.write(`marginalia: warning: ${oneLine(line)}\n`),
  error: (line) => process.stderr.write(`marginalia: ${oneLine(line)}\n`),
};

/** A message on one line, whatever it quotes. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}
