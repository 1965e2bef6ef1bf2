/**
 * Uploads with XMLHttpRequest, the one browser API that reports upload progress. Apart from the
 * transport so the form's first download does not carry it: it loads with the first upload.
 */
import type { ApiError } from './errors.js';
import { fits, mediaType, type Reply } from './http.js';
import type { Transport, UploadSpec } from './transport.js';

/** `getAllResponseHeaders()` text as `Headers`. */
function parseHeaders(raw: string): Headers {
  const headers = new Headers();
  for (const line of raw.trim().split(/[\r\n]+/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.append(line.slice(0, colon).trim(), line.slice(colon + 1).trim());
  }
  return headers;
}

/** One multipart upload, reporting upload progress; what `Transport.upload` sends each attempt with. */
export function sendXhr(transport: Transport, spec: UploadSpec, url: string, signal: AbortSignal): Promise<Reply> {
  const diagnosis = { operation: spec.operation, method: 'POST', url };
  return new Promise<Reply>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    const abort = () => xhr.abort();
    let failure: ApiError | undefined;
    xhr.open('POST', url);
    xhr.responseType = 'blob';
    xhr.withCredentials = transport.credentials === 'include';
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.setRequestHeader('Idempotency-Key', spec.idempotencyKey);
    for (const [name, value] of Object.entries(transport.csrfHeaders())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) spec.onProgress?.(Math.min(1, event.loaded / event.total));
    };
    // The answer is read no further than the limit.
    xhr.onprogress = (event) => {
      if (event.loaded > transport.maxJsonBytes && !failure) {
        failure = transport.tooLarge(diagnosis, transport.maxJsonBytes, xhr.status, 'json');
        xhr.abort();
      }
    };
    xhr.onload = () => {
      if (xhr.status === 0) {
        reject(new TypeError('Upload failed'));
        return;
      }
      const headers = parseHeaders(xhr.getAllResponseHeaders());
      const type = mediaType(headers.get('Content-Type'));
      // XMLHttpRequest always follows redirects: one that ends elsewhere, on a page, is a sign-in.
      if (xhr.responseURL && xhr.responseURL !== url && !fits('json', type)) {
        reject(transport.signInRedirect(diagnosis, xhr.responseURL));
        return;
      }
      const body = xhr.response as Blob;
      if (body.size > transport.maxJsonBytes) {
        reject(transport.tooLarge(diagnosis, transport.maxJsonBytes, xhr.status, 'json'));
        return;
      }
      resolve({ status: xhr.status, headers, body, url });
    };
    xhr.onerror = () => reject(new TypeError('Upload failed'));
    xhr.onabort = () => reject(failure ?? signal.reason);
    xhr.onloadend = () => signal.removeEventListener('abort', abort);
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    signal.addEventListener('abort', abort, { once: true });
    spec.onProgress?.(0);
    xhr.send(spec.form);
  });
}
