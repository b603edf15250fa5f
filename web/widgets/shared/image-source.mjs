// The user's own pictures as widget input: an image file (picker or drop) or
// the camera. Everything is decoded in the page; nothing is uploaded. A source
// is a function n -> Float32Array(n·n) of luminance in [0, 1] (the centre
// square, scaled), so the widget can ask for any working size. The filters
// work on squares, so a wide or tall picture loses its sides: each source
// carries `crop` ({ width, height, side }) for the widget to say so.
import { toGray } from './images.mjs';

/** The largest centred square of a w×h picture: its corner and side. */
export function centreSquare(w, h) {
  const side = Math.min(w, h);
  return { x: (w - side) / 2, y: (h - side) / 2, side };
}

/** Centre square of a video frame or a bitmap, scaled to n×n, as luminance. */
export function frameToGray(source, n) {
  const c = document.createElement('canvas');
  c.width = n;
  c.height = n;
  const ctx = c.getContext('2d', { willReadFrequently: true });
  const sq = centreSquare(source.videoWidth ?? source.width, source.videoHeight ?? source.height);
  ctx.drawImage(source, sq.x, sq.y, sq.side, sq.side, 0, 0, n, n);
  return toGray(ctx.getImageData(0, 0, n, n).data, n * n);
}

/** A source reading `picture` (bitmap or video), with its crop. */
function squareSource(picture, width, height) {
  const source = (n) => frameToGray(picture, n);
  source.crop = { width, height, side: centreSquare(width, height).side };
  return source;
}

/** Decode an image file; resolves to a source, rejects if it is not an image. */
export async function fileSource(file) {
  const bitmap = await createImageBitmap(file);
  return squareSource(bitmap, bitmap.width, bitmap.height);
}

export const cameraAvailable = () => Boolean(globalThis.navigator?.mediaDevices?.getUserMedia);

/**
 * Start the camera. onFrame(source) is called whenever idle() says the widget
 * has finished with the previous frame (so frames never queue up).
 * Returns { stop() }; rejects when there is no camera or no permission.
 */
export async function startCamera(onFrame, idle) {
  const stream = await navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480 }, audio: false });
  const video = document.createElement('video');
  video.muted = true;
  video.playsInline = true;
  video.srcObject = stream;
  await video.play();
  let timer = 0;
  let running = true;
  const grab = () => {
    if (!running) return;
    if (idle()) onFrame(squareSource(video, video.videoWidth, video.videoHeight));
    timer = setTimeout(grab, 40);
  };
  grab();
  return {
    stop() {
      running = false;
      clearTimeout(timer);
      for (const track of stream.getTracks()) track.stop();
    },
  };
}
