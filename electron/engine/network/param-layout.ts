/** One named block of the flat parameter vector (docs/formats.md run file, "paramLayout"). */
export interface ParamBlock {
  name: string;
  shape: number[];
}

/** Where one dense layer's kernel [inputs, outputs] (row-major) and bias [outputs] sit. */
export interface DenseLayerSlice {
  inputs: number;
  outputs: number;
  kernelOffset: number;
  biasOffset: number;
  /** One past the bias. */
  end: number;
}

/** Layers in order: for each, its kernel then its bias. */
export function denseLayerSlices(sizes: readonly number[]): DenseLayerSlice[] {
  const slices: DenseLayerSlice[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inputs = sizes[l]!;
    const outputs = sizes[l + 1]!;
    const biasOffset = offset + inputs * outputs;
    slices.push({ inputs, outputs, kernelOffset: offset, biasOffset, end: biasOffset + outputs });
    offset = biasOffset + outputs;
  }
  return slices;
}

export function paramCount(sizes: readonly number[]): number {
  return denseLayerSlices(sizes).at(-1)?.end ?? 0;
}

/** Names a student can read: hidden1.kernel, hidden1.bias, …, output.kernel, output.bias. */
function layerName(layer: number, layers: number): string {
  return layer === layers - 1 ? 'output' : `hidden${layer + 1}`;
}

export function paramLayout(sizes: readonly number[]): ParamBlock[] {
  const slices = denseLayerSlices(sizes);
  return slices.flatMap(({ inputs, outputs }, l) => [
    { name: `${layerName(l, slices.length)}.kernel`, shape: [inputs, outputs] },
    { name: `${layerName(l, slices.length)}.bias`, shape: [outputs] },
  ]);
}
