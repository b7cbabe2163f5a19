/**
 * Reading an upload request without HTTP: the raw-body and multipart shapes, names, and every
 * refusal (status and message) for a request that must not reach the database.
 */
import { describe, expect, it } from 'vitest';
import { readUploads, requestBodyLimit } from '../../src/lib/server/ingest/upload/read-uploads';

const URL_ = 'http://threadwatch.test/api/v1/ingest';
const NOW = new Date('2025-03-03T09:12:34.567Z');
const MB = 1024 * 1024;
const options = { name: null, maxDocumentBytes: MB, now: NOW };
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

function rawRequest(body: BodyInit | null, contentType?: string): Request {
  const headers = contentType === undefined ? {} : { 'content-type': contentType };
  // duplex: Node's fetch requires it for a streamed body.
  return new Request(URL_, { method: 'POST', body, headers, duplex: 'half' } as RequestInit);
}

function formRequest(fill: (form: FormData) => void): Request {
  const form = new FormData();
  fill(form);
  return new Request(URL_, { method: 'POST', body: form });
}

describe('readUploads', () => {
  it('takes a raw body as one document named by ?name=, only its last path segment', async () => {
    const read = await readUploads(rawRequest('<p>hello</p>', 'text/html; charset=utf-8'), {
      ...options,
      name: '../../etc/page\u0007.html'
    });
    expect(read).toEqual({
      uploads: [{ fileName: 'page.html', bytes: new TextEncoder().encode('<p>hello</p>') }]
    });
  });

  it('names an unnamed raw upload after the time it came', async () => {
    const read = await readUploads(rawRequest('text', 'application/octet-stream'), options);
    expect('uploads' in read && read.uploads[0]?.fileName).toBe('upload-2025-03-03T09-12-34');
  });

  it('takes every file of a form and the pasted text, named or not', async () => {
    const read = await readUploads(
      formRequest((form) => {
        form.append('file', new File(['first'], 'a.html'));
        form.append('file', new File(['second'], 'b.txt'));
        form.append('text', 'pasted words');
        form.append('name', '  ');
      }),
      options
    );
    if (!('uploads' in read)) throw new Error(read.refused.message);
    expect(read.uploads.map((upload) => [upload.fileName, decode(upload.bytes)])).toEqual([
      ['a.html', 'first'],
      ['b.txt', 'second'],
      ['pasted-2025-03-03T09-12-34.txt', 'pasted words']
    ]);
  });

  it('keeps a named empty file (the parser says why it fails) but skips "no file chosen"', async () => {
    const read = await readUploads(
      formRequest((form) => {
        form.append('file', new File([], ''));
        form.append('file', new File([], 'empty.txt'));
        form.append('text', 'notes');
        form.append('name', 'my notes.txt');
      }),
      options
    );
    if (!('uploads' in read)) throw new Error(read.refused.message);
    expect(read.uploads.map((upload) => [upload.fileName, upload.bytes.byteLength])).toEqual([
      ['empty.txt', 0],
      ['my notes.txt', 5]
    ]);
  });

  it.each([
    ['an empty raw body', 400, /body is empty/, () => rawRequest('', 'text/html')],
    ['an empty form', 400, /Nothing to ingest/, () => formRequest((f) => f.append('text', ' '))],
    ['no content type', 415, /no Content-Type/, () => rawRequest(new Blob(['x']))],
    ['JSON', 415, /application\/json is not accepted/, () => rawRequest('{}', 'application/json')],
    ['an image', 415, /image\/gif is not accepted/, () => rawRequest('GIF89a', 'image/gif')]
  ])('refuses %s with %i and a message', async (_what, status, message, request) => {
    const read = await readUploads(request(), options);
    expect(read).toEqual({ refused: { status, message: expect.stringMatching(message) } });
  });

  it('refuses a raw body over the document limit with 413, by its Content-Length or its size', async () => {
    const big = new Uint8Array(MB + 1).fill(0x61);
    const declared = new Request(URL_, {
      method: 'POST',
      body: big,
      headers: { 'content-type': 'text/plain', 'content-length': String(big.byteLength) }
    });
    const byHeader = await readUploads(declared, options);
    expect(byHeader).toEqual({
      refused: { status: 413, message: expect.stringMatching(/over the 1 MB limit/) }
    });
    // A streamed body has no Content-Length: the size is checked once read.
    const streamed = await readUploads(rawRequest(new Blob([big]).stream(), 'text/plain'), options);
    expect(streamed).toMatchObject({ refused: { status: 413 } });
  });

  it('refuses a form larger than one request may carry with 413', async () => {
    const request = new Request(URL_, {
      method: 'POST',
      body: 'x',
      headers: {
        'content-type': 'multipart/form-data; boundary=x',
        'content-length': String(requestBodyLimit(MB) + 1)
      }
    });
    expect(await readUploads(request, options)).toEqual({
      refused: { status: 413, message: expect.stringMatching(/one request may carry/) }
    });
  });

  it('turns a BODY_SIZE_LIMIT error while reading into 413, a malformed form into 400', async () => {
    const overLimit = rawRequest('x', 'text/plain');
    overLimit.arrayBuffer = () =>
      Promise.reject(Object.assign(new Error('request body size exceeded'), { status: 413 }));
    expect(await readUploads(overLimit, options)).toMatchObject({
      refused: { status: 413, message: expect.stringMatching(/larger than this server accepts/) }
    });
    const malformed = rawRequest('not a form', 'multipart/form-data; boundary=nope');
    expect(await readUploads(malformed, options)).toMatchObject({
      refused: { status: 400, message: expect.stringMatching(/could not be read/) }
    });
  });
});
