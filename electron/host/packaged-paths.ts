/**
 * Where a file that electron-builder's asarUnpack keeps out of app.asar really is: under
 * app.asar.unpacked. Worker threads load their script and its chunks with Node's own loader,
 * which cannot read inside app.asar (build/README.md). Paths outside an asar are unchanged.
 */
export function outsideAsar(path: string): string {
  return path.replace(/([\\/])app\.asar(?=[\\/])/, '$1app.asar.unpacked');
}
