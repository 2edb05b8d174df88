import { readFileSync } from 'node:fs';

/** A corpus file as the file layer hands it to the reader: decoded, BOM removed. */
export function readCorpusText(path: string): string {
  return new TextDecoder('utf-8', { fatal: true }).decode(readFileSync(path));
}
