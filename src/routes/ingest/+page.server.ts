/**
 * The ingest page. With JavaScript the page uploads each file to /api/v1/ingest itself;
 * without it, the same form posts here (`?/upload`) and the page shows the results.
 */
import { fail } from '@sveltejs/kit';
import { appDatabase } from '$lib/server/app-database';
import { config } from '$lib/server/config';
import { ingestUploads } from '$lib/server/ingest/upload/ingest-uploads';
import { readUploads } from '$lib/server/ingest/upload/read-uploads';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = () => ({
  maxDocumentMb: config().maxDocumentBytes / 1024 / 1024
});

export const actions: Actions = {
  upload: async ({ request, setHeaders }) => {
    const { maxDocumentBytes } = config();
    const read = await readUploads(request, { name: null, maxDocumentBytes });
    if ('refused' in read) {
      // As the API does: the body may be left unread, so the browser must not reuse the
      // connection (`serve` reads the rest of it before closing, so the page still arrives).
      setHeaders({ connection: 'close' });
      return fail(read.refused.status, { message: read.refused.message });
    }
    const { db } = await appDatabase();
    return { documents: await ingestUploads(db, read.uploads, { maxDocumentBytes }) };
  }
};
