// Pointer input of a plane canvas, shared by the plane widgets: a drag pans
// the view (once the pointer has moved 5 px), the wheel zooms about the
// pointer, a press without a drag is a click reported in model coordinates,
// and a press on a handle (e.g. a trajectory's start point) grabs it and
// reports its moves instead of panning. The Viewport (plane.mjs) is changed
// in place; the widget stores the view in onView and redraws.

/** CSS pixels of a pointer event relative to the canvas's drawing area (inside its border). */
export function pointerPx(e, canvas) {
  const r = canvas.getBoundingClientRect();
  return [e.clientX - r.left - canvas.clientLeft, e.clientY - r.top - canvas.clientTop];
}

/**
 * canvas, vp: the plane and its Viewport. Callbacks:
 *   onView()             after a pan or zoom changed vp
 *   onClick(x, y)        a press and release without a drag, model coordinates
 *   grab([px, py])       optional: index of the handle under the press, or -1
 *   onGrabMove(i, x, y)  a grabbed handle moved to (x, y)
 */
export function bindPlaneInput(canvas, vp, { onView, onClick, grab = () => -1, onGrabMove = () => {} }) {
  let down = null;
  canvas.addEventListener('pointerdown', (e) => {
    if (e.button !== 0) return;
    const px = pointerPx(e, canvas);
    down = { px, last: px, panning: false, grab: grab(px) };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener('pointermove', (e) => {
    if (!down) return;
    const p = pointerPx(e, canvas);
    if (down.grab >= 0) {
      onGrabMove(down.grab, ...vp.toModel(...p));
      return;
    }
    if (!down.panning && Math.hypot(p[0] - down.px[0], p[1] - down.px[1]) > 5) down.panning = true;
    if (down.panning) {
      vp.panBy(p[0] - down.last[0], p[1] - down.last[1]);
      down.last = p;
      onView();
    }
  });
  const end = (e) => {
    if (!down) return;
    const moved = down.panning || down.grab >= 0; // a pan or a moved handle is not a click
    down = null;
    if (moved || e.type === 'pointercancel') return;
    onClick(...vp.toModel(...pointerPx(e, canvas)));
  };
  canvas.addEventListener('pointerup', end);
  canvas.addEventListener('pointercancel', end);
  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    vp.zoomAt(Math.exp(-e.deltaY * 0.0015), ...pointerPx(e, canvas));
    onView();
  }, { passive: false });
}
