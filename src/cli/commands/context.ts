import type { CliIO } from '../io.js';
import type { GeneralOptions } from '../options.js';
import type { Switch } from '../tokenizer.js';

/** What a command gets: the parsed command line, split into identifier, general options and properties. */
export interface CommandContext {
  readonly io: CliIO;
  readonly verb: string;
  readonly object: string;
  readonly identifier: string | undefined;
  readonly options: GeneralOptions;
  readonly properties: readonly Switch[];
}
