/**
 * The lexicon thread's body: keeps the lexicons it was sent (structured clones of compiled
 * ones: regular expressions and sets survive the copy) and scores batches against them.
 */
import { serveRequests } from '../../../threads/serve-requests';
import type { ComponentResult } from '../../types';
import type { CompiledLexicon } from '../compile';
import { scoreText } from '../component';
import type { ToLexiconThread } from './protocol';

const lexicons = new Map<number, CompiledLexicon>();

serveRequests((message: ToLexiconThread): ComponentResult[] | undefined => {
  if (message.type === 'lexicon') lexicons.set(message.key, message.lexicon);
  else if (message.type === 'forget') lexicons.delete(message.key);
  else {
    const lexicon = lexicons.get(message.key);
    if (!lexicon) throw new Error(`lexicon ${message.key} was never sent to this thread`);
    return message.texts.map((text) => scoreText(text, lexicon));
  }
  return undefined;
});
