/**
 * What every `judgehub` subcommand has in common: its usage text, the options it accepts, and a
 * `run` that returns the process exit code. Output goes through `Io` so a command never writes to
 * the process directly (the dispatcher in cli.ts wires it to stdout and stderr).
 */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** 0 done; 1 could not do it (a bad file, a missing data folder); 2 the command line was wrong. */
export const ExitCode = { Ok: 0, Failed: 1, Usage: 2 } as const;

/** Every option any command takes, as node:util parseArgs reads them. */
export const CLI_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  port: { type: 'string' },
  host: { type: 'string' },
  data: { type: 'string' },
  web: { type: 'string' },
  demo: { type: 'boolean' },
  format: { type: 'string' },
  what: { type: 'string' },
  out: { type: 'string' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'no-mdns': { type: 'boolean' },
  'mdns-interface': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
} as const;

export type OptionName = keyof typeof CLI_OPTIONS;

export interface CommandArgs {
  values: {
    [K in OptionName]?: (typeof CLI_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
  };
  positionals: string[];
}

export interface CliCommand {
  name: string;
  /** One line for `judgehub --help`. */
  summary: string;
  /** The command's own help: usage line, options, what it prints. */
  help: string;
  /** The options this command accepts besides --help. */
  options: readonly OptionName[];
  run(args: CommandArgs, io: Io): Promise<number>;
}

/** A wrong command line: says what, points to the command's help, exit code 2. */
export function usageError(io: Io, command: string, message: string): number {
  io.stderr(`judgehub ${command}: ${message}\nRun \`judgehub ${command} --help\` for usage.\n`);
  return ExitCode.Usage;
}

/** A path as the user could paste it back into a shell. */
export function shellPath(p: string): string {
  return /^[\w@%+=:,./-]+$/.test(p) ? p : `'${p.replaceAll("'", `'\\''`)}'`;
}
