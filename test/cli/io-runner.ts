import { appcmdWith, type CliResult } from '../helpers/cli.js';

/** Runs the CLI in-process with captured streams and, when given, text on standard input. */
export function appcmdStdin(args: readonly string[], stdin?: string, env: Record<string, string | undefined> = {}): CliResult {
  return appcmdWith(args, stdin === undefined ? { env } : { env, stdin });
}
