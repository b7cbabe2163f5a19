/** `parse <file> [--json]`: run the parser on one file, touching no database. */
import { readFile } from 'node:fs/promises';
import type { Command } from 'commander';
import { config } from '../../lib/server/config';
import { parseDocument } from '../../lib/server/ingest/parse';
import type { ParsedDocument } from '../../lib/server/ingest/types';

export function registerParse(program: Command): void {
  program
    .command('parse')
    .description('parse a saved page or copied text and print the article and its comments')
    .argument('<file>', 'a .txt or .html file')
    .option('--json', 'print exactly the parser output as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const bytes = await readFile(file);
      const parsed = parseDocument(bytes, { maxBytes: config().maxDocumentBytes });
      process.stdout.write(
        options.json ? `${JSON.stringify(parsed, null, 2)}\n` : summarise(parsed)
      );
    });
}

function summarise(parsed: ParsedDocument): string {
  const { article, comments } = parsed;
  const lines = [
    `title:    ${article.title ?? '(none)'}`,
    `source:   ${article.source ?? '(unknown)'}`,
    `byline:   ${article.byline ?? '(none)'}`,
    `format:   ${parsed.format} (${parsed.markup}, ${parsed.encoding})`,
    `body:     ${article.body.length} characters`,
    `comments: ${comments.length}`,
    ...comments.map((comment, index) => {
      const reply = comment.parent === null ? '' : ` ↳ #${comment.parent + 1}`;
      const preview = comment.text.replace(/\s+/g, ' ').slice(0, 70);
      return `  #${index + 1}${reply} ${comment.author ?? '(anonymous)'}: ${preview}`;
    })
  ];
  return `${lines.join('\n')}\n`;
}
