/** `--name value` and `--name=value` options plus positional arguments; enough for three commands. */
export interface ParsedArgs {
  positional: string[];
  options: Map<string, string>;
}

export function parseArgs(argv: string[]): ParsedArgs {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split('=', 2) as [string, string | undefined];
    if (inline !== undefined) {
      options.set(name, inline);
    } else if (argv[i + 1] !== undefined && !(argv[i + 1] ?? '').startsWith('--')) {
      options.set(name, argv[i + 1] ?? '');
      i += 1;
    } else {
      options.set(name, 'true');
    }
  }
  return { positional, options };
}

export function apiBaseOf(args: ParsedArgs): string {
  return args.options.get('api-base') ?? process.env.STRIPE_API_BASE ?? 'http://127.0.0.1:12111';
}

/** Exits with a message instead of a stack trace. */
export function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}
