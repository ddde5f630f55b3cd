import { useEffect, useRef, useState, type RefObject } from 'react';

export interface CanvasSize {
  width: number;
  height: number;
  /** Device pixels per CSS pixel, for sharp lines on dense screens. */
  ratio: number;
}

/** The CSS size of an element, kept current by a ResizeObserver. */
export function useElementSize(ref: RefObject<HTMLElement | null>): CanvasSize | null {
  const [size, setSize] = useState<CanvasSize | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      if (width > 0 && height > 0) setSize({ width, height, ratio: window.devicePixelRatio || 1 });
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/**
 * A canvas that fills the element around it: refs for the two (`area` on the element, `canvas`
 * on the canvas) and the element's size, null until it is first laid out.
 */
export function useAreaCanvas() {
  const area = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const size = useElementSize(area);
  return { area, canvas, size };
}

/** Sizes a canvas's backing store to its CSS size and returns a context drawing in CSS pixels. */
export function prepareCanvas(canvas: HTMLCanvasElement, size: CanvasSize): CanvasRenderingContext2D {
  const width = Math.round(size.width * size.ratio);
  const height = Math.round(size.height * size.ratio);
  if (canvas.width !== width || canvas.height !== height) {
    canvas.width = width;
    canvas.height = height;
  }
  const context = canvas.getContext('2d')!;
  context.setTransform(size.ratio, 0, 0, size.ratio, 0, 0);
  context.clearRect(0, 0, size.width, size.height);
  return context;
}
