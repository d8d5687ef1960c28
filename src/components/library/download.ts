/**
 * A file name for a download named after a lab: characters file systems refuse (/ \ : * ? " < > |
 * and control characters) become "-", spaces at the ends go, and an empty name becomes `lab`.
 */
export function fileNameOf(name: string, ext = '.json'): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is replaced
  const safe = name.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]+/g, '-').trim().slice(0, 120);
  return `${safe || 'lab'}${ext}`;
}

/** A lab name from a file's name: without its extension (`Lesson 1.json` → `Lesson 1`). */
export function nameOfFile(fileName: string): string {
  return fileName.replace(/\.[^.]*$/, '').trim();
}

/** Saves `text` as a file called `fileName` through the browser's download (a link to a Blob, clicked). */
export function downloadText(fileName: string, text: string): void {
  downloadBlob(fileName, new Blob([text], { type: 'application/json' }));
}

/** Saves `bytes` (a capture, a picture) as a file called `fileName` of type `mime`, as {@link downloadText} does. */
export function downloadBytes(fileName: string, bytes: Uint8Array, mime: string): void {
  downloadBlob(fileName, new Blob([bytes.slice().buffer], { type: mime }));
}

function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  // The click has handed the Blob to the download; the address is released after this task.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
