// Splits a command line into positional arguments and --options, and says in one sentence what
// is wrong with it. No library: four commands with a handful of options each.

export class UsageError extends Error {
  override name = 'UsageError';
}

export interface ParsedArgs {
  positional: string[];
  options: Map<string, string | true>;
}

/** `valued` options take the next argument (or `--name=value`); others are flags. */
export function parseArgs(argv: readonly string[], valued: readonly string[], flags: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    if (valued.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a ${name === 'unit' ? 'unit' : 'file name'}`);
      options.set(name, value);
    } else if (flags.includes(name) && eq === -1) options.set(name, true);
    else throw new UsageError(`unknown option --${name}`);
  }
  return { positional, options };
}
