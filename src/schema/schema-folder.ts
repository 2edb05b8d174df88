import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { AppcmdError } from '../errors.js';

/**
 * The *.xml files of a schema folder, as IIS loads its schema folder. Name order
 * (case-insensitive) makes the result independent of how the file system lists the folder: which
 * declaration of a merged section comes first decides only the order of its children.
 */
export function schemaFilesIn(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch (e) {
    throw new AppcmdError('FILE_NOT_FOUND', `Cannot read schema folder ${dir}`, { file: dir, cause: e });
  }
  return names
    .filter((n) => n.toLowerCase().endsWith('.xml'))
    .sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0))
    .map((n) => join(dir, n));
}
