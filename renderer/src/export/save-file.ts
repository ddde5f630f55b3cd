/**
 * Hands a finished file to the user as a download. In Electron the download asks where to save
 * it with a native dialog (electron/host/download-dialog.ts).
 */
export function saveFile(name: string, data: Blob): void {
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoke it once the click has been handled.
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A file name from a picture's problem, safe on every system: `himmelblau-2026-11-23T13-50`. */
export function fileStem(problemName: string): string {
  const stamp = new Date().toISOString().slice(0, 16).replace(/:/g, '-');
  return `${problemName.replace(/[^\w.-]+/g, '_').slice(0, 40) || 'gradscape'}-${stamp}`;
}
