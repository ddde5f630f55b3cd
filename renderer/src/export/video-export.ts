import {
  BufferTarget,
  CanvasSource,
  Mp4OutputFormat,
  Output,
  QUALITY_HIGH,
  WebMOutputFormat,
  canEncodeVideo,
} from 'mediabunny';
import { Vector3 } from 'three';
import { pauseClock } from '../playback/playback-clock';
import { runsOfView } from '../scene/view-source';
import { useAppStore } from '../store/app-store';
import type { RunEntry } from '../store/app-model';
import { flyToPose, orbitPose, planFlyTo, runPointsByFrame, stepAtFrame } from './camera-path';
import { currentScene, currentSceneContent, currentSceneSource, type CameraPose } from './scene-access';
import { captionSchedule, captionsAt, type Caption, type ShownCaption } from './video-captions';

export interface VideoOptions {
  width: number;
  height: number;
  fps: number;
  seconds: number;
  camera: CameraMotion;
  /** Burns in the step counter and the runs' names. */
  overlay: boolean;
  /** Burns in each event's message as the runs reach it, for a few seconds. */
  captions: boolean;
}

/** still: the view as it is; orbit: one turn about the surface; fly-to: glide in to the runs, then follow them (camera-path.ts). */
export type CameraMotion = 'still' | 'orbit' | 'fly-to';

export interface VideoChoice {
  codec: 'avc' | 'vp9' | 'vp8';
  container: 'mp4' | 'webm';
}

/** MP4 (H.264) where the browser encodes it, else WebM with VP9, else WebM with VP8. */
export async function chooseVideoCodec(width: number, height: number): Promise<VideoChoice | null> {
  if (await canEncodeVideo('avc', { width, height })) return { codec: 'avc', container: 'mp4' };
  if (await canEncodeVideo('vp9', { width, height })) return { codec: 'vp9', container: 'webm' };
  if (await canEncodeVideo('vp8', { width, height })) return { codec: 'vp8', container: 'webm' };
  return null;
}

const overlayTextSize = (canvas: HTMLCanvasElement): number => Math.max(12, Math.round(canvas.height / 28));

function drawOverlay(
  context: CanvasRenderingContext2D,
  step: number,
  lastStep: number,
  runs: readonly RunEntry[],
): void {
  const size = overlayTextSize(context.canvas);
  context.font = `${size}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  context.fillStyle = 'rgba(13, 17, 23, 0.7)';
  context.fillRect(0, 0, context.canvas.width, size * 1.8);
  context.fillStyle = '#e6edf3';
  context.fillText(`step ${step} / ${lastStep}`, size * 0.6, size * 0.4);
  let x = context.canvas.width - size * 0.6;
  context.textAlign = 'right';
  for (let k = runs.length - 1; k >= 0; k--) {
    const run = runs[k]!;
    context.fillStyle = run.color;
    context.fillText(run.name, x, size * 0.4);
    x -= context.measureText(run.name).width + size;
  }
  context.textAlign = 'left';
}

/** The words of `text` in lines no wider than `width`, at most `maxLines` (the last one cut with an ellipsis). */
function wrapText(context: CanvasRenderingContext2D, text: string, width: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    const longer = line ? `${line} ${word}` : word;
    if (line && context.measureText(longer).width > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  let last = `${kept[maxLines - 1]!} ${lines[maxLines]!}`;
  while (last.length > 1 && context.measureText(`${last}…`).width > width) last = last.slice(0, -1);
  kept[maxLines - 1] = `${last.trimEnd()}…`;
  return kept;
}

/** Event captions stacked up from the bottom left, newest lowest, each in a box edged with its run's colour. */
function drawCaptions(context: CanvasRenderingContext2D, captions: ShownCaption[]): void {
  const size = Math.round(overlayTextSize(context.canvas) * 0.85);
  const pad = Math.round(size * 0.5);
  const maxWidth = context.canvas.width * 0.7;
  context.font = `${size}px system-ui, sans-serif`;
  context.textBaseline = 'top';
  let bottom = context.canvas.height - pad;
  for (let k = captions.length - 1; k >= 0 && bottom > 0; k--) {
    const { runName, color, message, opacity } = captions[k]!;
    const lines = wrapText(context, `${runName}: ${message}`, maxWidth - 2 * pad, 2);
    const width = Math.max(...lines.map((line) => context.measureText(line).width)) + 2 * pad + pad / 2;
    const height = lines.length * size * 1.25 + pad;
    const top = bottom - height;
    context.globalAlpha = opacity;
    context.fillStyle = 'rgba(13, 17, 23, 0.8)';
    context.fillRect(pad, top, width, height);
    context.fillStyle = color;
    context.fillRect(pad, top, pad / 2, height);
    lines.forEach((line, index) => {
      const y = top + pad / 2 + index * size * 1.25;
      const x = 2 * pad;
      // The run's name in its colour, the message in the overlay's text colour.
      if (index === 0) {
        context.fillStyle = color;
        context.fillText(`${runName}:`, x, y);
        context.fillStyle = '#e6edf3';
        context.fillText(line.slice(runName.length + 1), x + context.measureText(`${runName}:`).width, y);
      } else {
        context.fillStyle = '#e6edf3';
        context.fillText(line, x, y);
      }
    });
    bottom = top - pad / 2;
  }
  context.globalAlpha = 1;
}

/** The camera's pose at every frame, as a function of the frame index alone. */
function cameraPath(
  motion: CameraMotion,
  start: CameraPose,
  frames: number,
  fps: number,
  lastStep: number,
): ((frame: number) => CameraPose) | null {
  if (motion === 'orbit') return (frame) => orbitPose(start, frame, frames);
  if (motion === 'still') return null;
  const { mapping, paths } = currentSceneContent();
  const points = mapping ? runPointsByFrame(paths, mapping.frame, frames, lastStep) : [];
  const plan = planFlyTo(start, points, fps);
  return (frame) => flyToPose(plan, frame);
}

/**
 * Records the 3D view frame by frame: each frame sets the step of the clock that view follows,
 * renders the scene at the video's size and hands it to the encoder, so the video is smooth
 * however slow the machine. The view and its clock are put back as they were afterwards.
 */
export async function recordVideo(
  options: VideoOptions,
  choice: VideoChoice,
  onProgress: (done: number) => void,
  signal: AbortSignal,
): Promise<Blob> {
  const state = currentScene();
  if (!state) throw new Error('the 3D view is not shown');
  const { gl, camera, size, viewport, controls } = state;
  const { clock, runId } = currentSceneSource();
  const orbitTarget = (controls as { target?: Vector3 } | null)?.target ?? new Vector3();
  const perspective = 'aspect' in camera ? camera : null;
  const saved = {
    aspect: perspective?.aspect,
    position: camera.position.clone(),
    target: orbitTarget.clone(),
    clock: { ...clock },
  };
  const frames = Math.max(1, Math.round(options.fps * options.seconds));
  const lastStep = clock.lastStep;
  const runs = runsOfView(useAppStore.getState().shownRuns, runId);
  const path = cameraPath(
    options.camera,
    { position: saved.position.toArray(), target: orbitTarget.toArray() },
    frames,
    options.fps,
    lastStep,
  );
  const captions: Caption[] = options.captions ? captionSchedule(runs, frames, lastStep) : [];

  const composite = document.createElement('canvas');
  composite.width = options.width;
  composite.height = options.height;
  const context = composite.getContext('2d')!;
  const output = new Output({
    format: choice.container === 'mp4' ? new Mp4OutputFormat() : new WebMOutputFormat(),
    target: new BufferTarget(),
  });
  const source = new CanvasSource(composite, { codec: choice.codec, bitrate: QUALITY_HIGH });
  output.addVideoTrack(source, { frameRate: options.fps });

  pauseClock(clock);
  clock.follow = false;
  gl.setPixelRatio(1);
  gl.setSize(options.width, options.height, false);
  if (perspective) {
    perspective.aspect = options.width / options.height;
    perspective.updateProjectionMatrix();
  }
  try {
    await output.start();
    for (let frame = 0; frame < frames; frame++) {
      if (signal.aborted) throw new DOMException('the recording was cancelled', 'AbortError');
      const step = stepAtFrame(frame, frames, lastStep);
      clock.position = step;
      if (path) {
        // The orbit controls aim the camera at their target as the frame runs, so the target moves too.
        const pose = path(frame);
        camera.position.set(...pose.position);
        orbitTarget.set(...pose.target);
        camera.lookAt(orbitTarget);
      }
      // Runs every useFrame (paths, markers) at this step, then renders.
      state.advance(performance.now(), true);
      context.drawImage(gl.domElement, 0, 0, options.width, options.height);
      if (options.overlay) drawOverlay(context, step, lastStep, runs);
      if (captions.length > 0) drawCaptions(context, captionsAt(captions, frame, options.fps));
      await source.add(frame / options.fps, 1 / options.fps);
      onProgress((frame + 1) / frames);
    }
    await output.finalize();
  } catch (error) {
    await output.cancel();
    throw error;
  } finally {
    gl.setPixelRatio(viewport.dpr);
    gl.setSize(size.width, size.height, false);
    if (perspective && saved.aspect !== undefined) {
      perspective.aspect = saved.aspect;
      perspective.updateProjectionMatrix();
    }
    camera.position.copy(saved.position);
    orbitTarget.copy(saved.target);
    camera.lookAt(orbitTarget);
    Object.assign(clock, saved.clock);
    state.invalidate();
  }
  return new Blob([output.target.buffer!], { type: choice.container === 'mp4' ? 'video/mp4' : 'video/webm' });
}
