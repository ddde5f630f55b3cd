import { useRef, useState } from 'react';
import { Checkbox } from '../sidebar/Checkbox';
import { NumberField } from '../sidebar/NumberField';
import { SelectField } from '../sidebar/SelectField';
import { problemName } from '../store/session-store';
import { useAppStore } from '../store/app-store';
import { fileStem, saveFile } from './save-file';
import { chooseVideoCodec, recordVideo, type CameraMotion, type VideoOptions } from './video-export';

const CODEC_NAMES = {
  avc: 'MP4 (H.264)',
  vp9: 'WebM (VP9)',
  vp8: 'WebM (VP8; this browser cannot encode VP9)',
} as const;
const CAMERA_MOTIONS: readonly CameraMotion[] = ['still', 'orbit', 'fly-to'];
const MOTION_NAMES: Record<CameraMotion, string> = { still: 'Still', orbit: 'Orbit', 'fly-to': 'Fly to runs' };
const MOTION_HINTS: Record<CameraMotion, string> = {
  still: 'The camera stays where it is.',
  orbit: 'The camera circles the surface once.',
  'fly-to':
    "Over the first third of the video the camera glides in to a close-up of the runs' current points, then follows them as they move.",
};
const positive =
  (max: number) =>
  (value: number): string | null =>
    value > 0 && value <= max ? null : `above 0, at most ${max}`;

/** Records the 3D view as a video, frame by frame, at the size of the image fields. */
export function VideoExport({ width, height }: { width: number; height: number }) {
  const [options, setOptions] = useState<Omit<VideoOptions, 'width' | 'height'>>({
    fps: 30,
    seconds: 5,
    camera: 'still',
    overlay: true,
    captions: true,
  });
  const [progress, setProgress] = useState<number | null>(null);
  const [codec, setCodec] = useState<string | null>(null);
  const abort = useRef<AbortController | null>(null);
  const patch = (change: Partial<VideoOptions>): void => setOptions((current) => ({ ...current, ...change }));

  const record = async (): Promise<void> => {
    // Encoders want even sizes.
    const size = { width: width - (width % 2), height: height - (height % 2) };
    const choice = await chooseVideoCodec(size.width, size.height);
    if (!choice) {
      useAppStore.setState({ notice: 'This browser cannot encode video (no H.264, VP9 or VP8 encoder).' });
      return;
    }
    setCodec(CODEC_NAMES[choice.codec]);
    abort.current = new AbortController();
    setProgress(0);
    try {
      const video = await recordVideo({ ...options, ...size }, choice, setProgress, abort.current.signal);
      saveFile(`${fileStem(problemName())}.${choice.container}`, video);
    } catch (error) {
      if ((error as Error).name !== 'AbortError')
        useAppStore.setState({ notice: `Video export failed: ${(error as Error).message}` });
    } finally {
      setProgress(null);
      abort.current = null;
    }
  };

  return (
    <div className="video-export" role="group" aria-label="Video">
      <NumberField
        label="Frames per second"
        value={options.fps}
        step={1}
        check={positive(120)}
        onChange={(fps) => patch({ fps })}
      />
      <NumberField
        label="Length (s)"
        value={options.seconds}
        step="any"
        check={positive(600)}
        onChange={(seconds) => patch({ seconds })}
      />
      <SelectField
        label="Camera"
        value={options.camera}
        options={CAMERA_MOTIONS}
        describe={(motion) => MOTION_NAMES[motion]}
        onChange={(camera) => patch({ camera })}
      />
      <p className="hint">{MOTION_HINTS[options.camera]}</p>
      <Checkbox
        label="Step counter and run names"
        checked={options.overlay}
        onChange={(overlay) => patch({ overlay })}
      />
      <Checkbox label="Event captions" checked={options.captions} onChange={(captions) => patch({ captions })} />
      <div className="export-actions">
        {progress === null ? (
          <button type="button" onClick={() => void record()}>
            Record video
          </button>
        ) : (
          <>
            <progress value={progress} max={1} aria-label="Recording progress" />
            <button type="button" onClick={() => abort.current?.abort()}>
              Cancel recording
            </button>
          </>
        )}
      </div>
      {codec && <p className="hint">Format: {codec}</p>}
    </div>
  );
}
