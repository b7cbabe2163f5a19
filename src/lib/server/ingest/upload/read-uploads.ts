/**
 * Turns an upload request into the documents it carries, or a refusal with its HTTP status
 * and a message that says what to do instead. Nothing is stored here: a refused request
 * leaves the database as it was.
 *
 * Two shapes are accepted: the document itself as the body (a script's
 * `curl --data-binary @page.html -H 'content-type: text/html' '…/api/v1/ingest?name=page.html'`),
 * and a multipart form with `file` fields and/or a `text` field with pasted text (`name`
 * names it), which is what the ingest page and its no-JavaScript form send.
 */
import { uploadNameSchema } from '../../../schemas/ingest';
import { tooLargeError } from '../decode';

export interface Upload {
  fileName: string;
  bytes: Uint8Array;
}

export type UploadRequest =
  { uploads: Upload[] } | { refused: { status: 400 | 413 | 415; message: string } };

/** A multipart form carries boundaries and part headers besides the documents themselves. */
const FORM_OVERHEAD_BYTES = 1024 * 1024;

/** What one request may carry: one document at the limit, in a form. `serve` gives it to adapter-node. */
export function requestBodyLimit(maxDocumentBytes: number): number {
  return maxDocumentBytes + FORM_OVERHEAD_BYTES;
}

const RAW_TYPES = /^(?:text\/[\w.+-]+|application\/(?:xhtml\+xml|xml|octet-stream))$/;
const ACCEPTED =
  'send the document as the body with Content-Type text/html, text/plain or ' +
  'application/octet-stream (and ?name=<file name>), or a multipart/form-data form with ' +
  '`file` fields and/or a `text` field';

export async function readUploads(
  request: Request,
  { name, maxDocumentBytes, now = new Date() }: UploadOptions
): Promise<UploadRequest> {
  const contentType = request.headers.get('content-type');
  const mediaType = contentType?.split(';')[0]?.trim().toLowerCase() ?? '';
  const declaredSize = Number(request.headers.get('content-length') ?? Number.NaN);
  if (mediaType === 'multipart/form-data') {
    const limit = requestBodyLimit(maxDocumentBytes);
    if (declaredSize > limit) return refuse(413, tooLargeForOneRequest(declaredSize, limit));
    return readForm(request, now);
  }
  if (!contentType) return refuse(415, `The request has no Content-Type: ${ACCEPTED}.`);
  if (!RAW_TYPES.test(mediaType))
    return refuse(415, `Content-Type ${mediaType} is not accepted: ${ACCEPTED}.`);
  if (declaredSize > maxDocumentBytes)
    return refuse(413, tooLargeError(declaredSize, maxDocumentBytes).message);
  return readRawBody(request, { name, maxDocumentBytes, now });
}

interface UploadOptions {
  /** `?name=` of a raw upload (a form's files carry their own names). */
  name: string | null;
  maxDocumentBytes: number;
  /** Names pasted text and unnamed uploads. */
  now?: Date;
}

async function readRawBody(
  request: Request,
  { name, maxDocumentBytes, now }: Required<UploadOptions>
): Promise<UploadRequest> {
  const body = await readBody(() => request.arrayBuffer());
  if ('refused' in body) return body;
  const bytes = new Uint8Array(body.value);
  if (bytes.byteLength === 0)
    return refuse(
      400,
      'The request body is empty: send the document as the body (curl --data-binary @page.html).'
    );
  // Without Content-Length, adapter-node only stops the body at BODY_SIZE_LIMIT.
  if (bytes.byteLength > maxDocumentBytes)
    return refuse(413, tooLargeError(bytes.byteLength, maxDocumentBytes).message);
  const fileName = uploadNameSchema.parse(name ?? '') ?? `upload-${stamp(now)}`;
  return { uploads: [{ fileName, bytes }] };
}

async function readForm(request: Request, now: Date): Promise<UploadRequest> {
  const form = await readBody(() => request.formData());
  if ('refused' in form) return form;
  const uploads: Upload[] = [];
  for (const entry of form.value.getAll('file')) {
    // A form submitted with no file chosen still sends an empty, nameless part.
    if (typeof entry === 'string' || (entry.name === '' && entry.size === 0)) continue;
    uploads.push({
      fileName: uploadNameSchema.parse(entry.name) ?? `upload-${stamp(now)}`,
      bytes: new Uint8Array(await entry.arrayBuffer())
    });
  }
  const text = form.value.get('text');
  if (typeof text === 'string' && text.trim() !== '') {
    const given = form.value.get('name');
    uploads.push({
      fileName: uploadNameSchema.parse(typeof given === 'string' ? given : '') ?? pastedName(now),
      bytes: new TextEncoder().encode(text)
    });
  }
  if (uploads.length === 0)
    return refuse(400, 'Nothing to ingest: choose or drop one or more files, or paste text.');
  return { uploads };
}

/** Reads the body, turning adapter-node's BODY_SIZE_LIMIT error and a malformed form into refusals. */
async function readBody<T>(
  read: () => Promise<T>
): Promise<{ value: T } | Extract<UploadRequest, { refused: unknown }>> {
  try {
    return { value: await read() };
  } catch (error) {
    if (hasStatus(error, 413)) return refuse(413, tooLargeForOneRequest());
    const reason = error instanceof Error ? error.message : String(error);
    return refuse(400, `The upload could not be read (${reason}): ${ACCEPTED}.`);
  }
}

function hasStatus(error: unknown, status: number): boolean {
  return (
    typeof error === 'object' && error !== null && 'status' in error && error.status === status
  );
}

/** `size`/`limit` unknown: adapter-node stopped the body at its BODY_SIZE_LIMIT. */
function tooLargeForOneRequest(size?: number, limit?: number): string {
  const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const over =
    size === undefined || limit === undefined
      ? 'The upload is larger than this server accepts in one request.'
      : `The upload is ${megabytes(size)}, over the ${megabytes(limit)} one request may carry.`;
  return `${over} Upload the files one at a time, or leave out images and scripts when saving the page.`;
}

function refuse(
  status: 400 | 413 | 415,
  message: string
): Extract<UploadRequest, { refused: unknown }> {
  return { refused: { status, message } };
}

/** `pasted-2025-03-03T09-12-00.txt`: sortable, and valid on every file system. */
function pastedName(now: Date): string {
  return `pasted-${stamp(now)}.txt`;
}

function stamp(now: Date): string {
  return now.toISOString().slice(0, 19).replace(/:/g, '-');
}
