/**
 * What a process sends its lexicon thread (lexicon-thread.ts). A lexicon is posted once
 * under a key and then named by it, so a batch carries only its texts.
 */
import type { CompiledLexicon } from '../compile';

export type ToLexiconThread =
  | { type: 'lexicon'; key: number; lexicon: CompiledLexicon }
  | { type: 'forget'; key: number }
  | { type: 'score'; key: number; texts: readonly string[] };
