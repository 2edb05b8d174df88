import type { CliIO } from '../io.js';
import type { GeneralOptions } from '../options.js';
import type { Switch } from '../tokenizer.js';
import type { CommandScope } from './scope.js';
import type { SharedConfiguration } from './session.js';

/** What a command gets: the parsed command line, split into identifier, general options and properties. */
export interface CommandContext {
  readonly io: CliIO;
  readonly verb: string;
  readonly object: string;
  readonly identifier: string | undefined;
  readonly options: GeneralOptions;
  readonly properties: readonly Switch[];
  /** The verb changes files (the command table says so): the configuration is opened as a writer. */
  readonly writes: boolean;
  /** What the command opens; closed by whoever runs the command once it has ended. */
  readonly scope: CommandScope;
  /** /in or `-`: the objects come as appcmd /xml on standard input. */
  readonly input?: boolean;
  /** Set inside `appcmd batch`: the one configuration every line works on, written once at the end. */
  readonly session?: SharedConfiguration;
}
