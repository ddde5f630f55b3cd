/** Strokes the context's current path in one colour and line width (which stay set afterwards, as a plain stroke leaves them). */
export function strokePath(context: CanvasRenderingContext2D, color: string, width: number): void {
  context.strokeStyle = color;
  context.lineWidth = width;
  context.stroke();
}
