import type { CliIO } from '../io.js';

/** ANSI styles, applied only when the output is a terminal and NO_COLOR is not set (no-color.org). */
export interface Palette {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

const plain = (s: string): string => s;
const sgr =
  (code: string) =>
  (s: string): string =>
    `\u001b[${code}m${s}\u001b[0m`;

const NO_PALETTE: Palette = { red: plain, yellow: plain, cyan: plain, bold: plain, dim: plain };
const ANSI_PALETTE: Palette = { red: sgr('31'), yellow: sgr('33'), cyan: sgr('36'), bold: sgr('1'), dim: sgr('2') };

/** NO_COLOR counts when present and not empty, as its specification says. */
function wantsColour(io: CliIO): boolean {
  const noColor = io.env['NO_COLOR'];
  return io.isTTY && (noColor === undefined || noColor === '');
}

export function paletteFor(io: CliIO): Palette {
  return wantsColour(io) ? ANSI_PALETTE : NO_PALETTE;
}
