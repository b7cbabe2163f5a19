/**
 * Expands what a user typed (files, folders, globs) into the files to ingest, in a stable
 * order, so that `ingest seeds/` and `ingest 'seeds/*.txt'` do the same thing.
 */
import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import { glob, isDynamicPattern } from 'tinyglobby';

/** Files a folder contributes: saved pages and copied text. */
export const DOCUMENT_EXTENSIONS = ['txt', 'text', 'html', 'htm', 'xhtml'];

export class InputNotFoundError extends Error {
  override readonly name = 'InputNotFoundError';
}

export interface ExpandedInputs {
  files: string[];
  /** Inputs that named nothing, each with the reason: reported, and the rest carry on. */
  missing: InputNotFoundError[];
}

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const found = new Set<string>();
  const missing: InputNotFoundError[] = [];
  for (const input of inputs) {
    try {
      for (const file of await expandOne(input)) found.add(file);
    } catch (error) {
      if (!(error instanceof InputNotFoundError)) throw error;
      missing.push(error);
    }
  }
  return { files: [...found], missing };
}

async function expandOne(input: string): Promise<string[]> {
  if (isDynamicPattern(input)) {
    const matches = await glob(input, { onlyFiles: true, absolute: false });
    if (matches.length === 0) throw new InputNotFoundError(`No files match ${input}`);
    return matches.sort();
  }
  const info = await stat(input).catch(() => null);
  if (info === null) throw new InputNotFoundError(`No such file or folder: ${input}`);
  if (info.isFile()) return [input];
  if (!info.isDirectory()) throw new InputNotFoundError(`Not a file or folder: ${input}`);
  const pattern = `**/*.{${DOCUMENT_EXTENSIONS.join(',')}}`;
  const matches = await glob(pattern, { cwd: input, onlyFiles: true, caseSensitiveMatch: false });
  return matches.sort().map((file) => join(input, file));
}
