import { execFileSync } from 'node:child_process';

/** Codec, size and decoded frame count of a video's first stream, as ffprobe reads them. */
export function probeVideo(path: string): {
  codec_name: string;
  width: number;
  height: number;
  nb_read_frames: string;
} {
  const args = [
    '-v',
    'error',
    '-count_frames',
    '-select_streams',
    'v:0',
    '-show_entries',
    'stream=codec_name,width,height,nb_read_frames',
    '-of',
    'json',
    path,
  ];
  return JSON.parse(execFileSync('/usr/bin/ffprobe', args, { encoding: 'utf8' })).streams[0];
}
