/**
 * The messages between a process and its lexicon thread (lexicon-thread.ts). A lexicon is
 * sent once under a key and then named by it, so a batch carries only its texts.
 */
import type { ComponentResult } from '../../types';
import type { CompiledLexicon } from '../compile';

export type ToThread =
  | { type: 'lexicon'; key: number; lexicon: CompiledLexicon }
  | { type: 'forget'; key: number }
  | { type: 'score'; id: number; key: number; texts: readonly string[] };

export type FromThread = { id: number; results: ComponentResult[] } | { id: number; error: string };
