/** Everything the commands may touch of the outside world; `main.ts` binds it to the process. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly platform: NodeJS.Platform;
  readonly cwd: string;
  /** Whether stdout is a terminal (colour, layout). */
  readonly isTTY: boolean;
  /** All of standard input, as UTF-8 text (`/in`, `-`, `appcmd batch -`); absent where there is none. */
  readStdin?(): string;
  /** Resolves on Ctrl-C (SIGINT) or SIGTERM, for a command that runs until stopped (appcmd ui). */
  untilInterrupted?(): Promise<void>;
  /** A command that goes on after it returned (appcmd ui) hands its exit status here. */
  exitLater?(status: Promise<number>): void;
}
