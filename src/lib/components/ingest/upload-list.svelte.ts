/**
 * The ingest page's uploads, one row per file or pasted text: each goes to the API on its
 * own (one failing never stops the others), then its classification progress is polled
 * about once a second until nothing is left queued or running. `stop()` (when the page is
 * left) cancels uploads in flight and every poll.
 */
import type {
  ApiError,
  DocumentReport,
  IngestResponse,
  IngestedDocument
} from '$lib/schemas/ingest';

export type UploadState = 'uploading' | 'parsed' | 'duplicate' | 'failed';

export interface UploadRow {
  key: number;
  fileName: string;
  byteSize: number;
  state: UploadState;
  /** What the server answered; null while uploading or when the request itself failed. */
  result: IngestedDocument | null;
  /** The failure to show: the server's message, or why the request did not get through. */
  message: string | null;
}

/** The row state a server's answer puts a document in (also for the no-JavaScript results). */
export function uploadState({ status }: IngestedDocument): UploadState {
  return status === 'stored' ? 'parsed' : status;
}

const POLL_INTERVAL_MS = 1000;
const API = '/api/v1/ingest';

export class UploadList {
  rows = $state<UploadRow[]>([]);
  #nextKey = 0;
  #stopping = new AbortController();
  // Not state: the pending polls never render, so a plain Set is right here.
  // eslint-disable-next-line svelte/prefer-svelte-reactivity
  #timers = new Set<ReturnType<typeof setTimeout>>();

  /** Uploads each file on its own, all at once. */
  addFiles(files: Iterable<File>): void {
    for (const file of files) {
      const form = new FormData();
      form.append('file', file);
      void this.#upload(file.name, file.size, form);
    }
  }

  addText(text: string, name: string): void {
    const form = new FormData();
    form.append('text', text);
    form.append('name', name);
    void this.#upload(name || 'pasted text', new Blob([text]).size, form);
  }

  stop(): void {
    this.#stopping.abort();
    for (const timer of this.#timers) clearTimeout(timer);
    this.#timers.clear();
  }

  async #upload(fileName: string, byteSize: number, form: FormData): Promise<void> {
    const key = this.#nextKey++;
    // New uploads on top, where the person who just dropped them is looking.
    this.rows.unshift({
      key,
      fileName,
      byteSize,
      state: 'uploading',
      result: null,
      message: null
    });
    try {
      const response = await fetch(API, {
        method: 'POST',
        body: form,
        headers: { accept: 'application/json' },
        signal: this.#stopping.signal
      });
      const body = await readJson<IngestResponse | ApiError>(response);
      if (body && 'documents' in body) {
        for (const document of body.documents) this.#settle(key, document);
      } else {
        this.#fail(key, body?.error?.message ?? `The upload failed (HTTP ${response.status}).`);
      }
    } catch (error) {
      if (this.#stopping.signal.aborted) return;
      this.#fail(key, `The upload did not reach the server (${String(error)}). Try again.`);
    }
  }

  #settle(key: number, document: IngestedDocument): void {
    const state = uploadState(document);
    this.#update(key, {
      state,
      result: document,
      fileName: document.fileName,
      message: state === 'failed' ? document.message : null
    });
    if (document.documentId !== null && document.progress && !document.progress.finished)
      this.#poll(key, document.documentId);
  }

  #poll(key: number, documentId: number): void {
    if (this.#stopping.signal.aborted) return;
    const timer = setTimeout(async () => {
      this.#timers.delete(timer);
      try {
        const response = await fetch(`${API}/${documentId}`, { signal: this.#stopping.signal });
        const report = await readJson<DocumentReport>(response);
        const row = this.rows.find((candidate) => candidate.key === key);
        if (report?.progress && row?.result) {
          this.#update(key, { result: { ...row.result, progress: report.progress } });
          if (report.progress.finished) return;
        }
      } catch {
        if (this.#stopping.signal.aborted) return;
        // A failed poll (server restarting, say) is retried at the next tick.
      }
      this.#poll(key, documentId);
    }, POLL_INTERVAL_MS);
    this.#timers.add(timer);
  }

  #fail(key: number, message: string): void {
    this.#update(key, { state: 'failed', message });
  }

  #update(key: number, changes: Partial<UploadRow>): void {
    const index = this.rows.findIndex((row) => row.key === key);
    if (index >= 0) this.rows[index] = { ...this.rows[index]!, ...changes };
  }
}

/** The body as JSON, or null when it is not JSON (a proxy's error page, say). */
async function readJson<T>(response: Response): Promise<T | null> {
  try {
    return (await response.json()) as T;
  } catch {
    return null;
  }
}
