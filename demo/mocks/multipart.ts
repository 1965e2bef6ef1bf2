/**
 * Reads a `multipart/form-data` request body into FormData, for the mock's upload route.
 *
 * The platform's `Request.formData()` is not used: WebKit's (Safari, WebKitGTK 2.50) gives a
 * part whose file name is not Latin-1, e.g. "صك.pdf", as a text field, so the mock lost every
 * upload with an Arabic file name there. Here the headers are read as UTF-8, as every engine
 * sends them, and a part with a `filename` is a File of its bytes.
 */

const CRLF = [13, 10];

function indexOf(haystack: Uint8Array, needle: Uint8Array | number[], from: number): number {
  outer: for (let i = from; i <= haystack.length - needle.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/** A quoted or bare parameter of a header value (`name="x"`, `filename="a.pdf"`). */
function param(header: string, name: string): string | undefined {
  const match = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;]*))`, 'i').exec(header);
  if (!match) return undefined;
  const value = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : match[2]!.trim();
  // Browsers escape a quote and line breaks in names as %22, %0D and %0A (HTML's form encoding).
  return value.replace(/%22/g, '"').replace(/%0D/gi, '\r').replace(/%0A/gi, '\n');
}

/** The request's parts as FormData, or `null` when it is not multipart or cannot be read. */
export async function readMultipart(request: Request): Promise<FormData | null> {
  const boundary = param(request.headers.get('content-type') ?? '', 'boundary');
  if (!/^multipart\/form-data\b/i.test(request.headers.get('content-type') ?? '') || !boundary) return null;
  const body = new Uint8Array(await request.arrayBuffer().catch(() => new ArrayBuffer(0)));
  const delimiter = new TextEncoder().encode(`--${boundary}`);
  const decoder = new TextDecoder();
  const form = new FormData();
  let at = indexOf(body, delimiter, 0);
  if (at < 0) return null;
  for (;;) {
    const afterDelimiter = at + delimiter.length;
    if (body[afterDelimiter] === 45 && body[afterDelimiter + 1] === 45) return form; // "--": the end
    const headersStart = afterDelimiter + CRLF.length;
    const headersEnd = indexOf(body, [...CRLF, ...CRLF], headersStart);
    if (headersEnd < 0) return null;
    const next = indexOf(body, new Uint8Array([...CRLF, ...delimiter]), headersEnd);
    if (next < 0) return null;
    const headers = decoder.decode(body.subarray(headersStart, headersEnd)).split('\r\n');
    const header = (name: string) => headers.find((h) => h.toLowerCase().startsWith(`${name}:`))?.slice(name.length + 1).trim() ?? '';
    const disposition = header('content-disposition');
    const name = param(disposition, 'name');
    const content = body.slice(headersEnd + 4, next);
    if (name !== undefined) {
      const filename = param(disposition, 'filename');
      if (filename === undefined) form.append(name, decoder.decode(content));
      else form.append(name, new File([content], filename, { type: header('content-type') || 'application/octet-stream' }));
    }
    at = next + CRLF.length;
  }
}
