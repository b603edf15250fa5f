// How many simulated ms one animation frame of <simcore-network> asks its
// session for: the speed control's × real time times the wall time since
// the last ask (at most 100 ms of it, so a hidden tab does not come back
// with a minute to simulate). Pure, so Node tests it.

/** The step arguments for this frame, or null when less than 1 ms is due. run: { last, budget }. */
export function frameMs(run, speed, now) {
  const dt = Math.min(100, Math.max(0, now - run.last));
  run.last = now;
  run.budget += dt * speed;
  const ms = Math.floor(run.budget);
  if (ms < 1) return 0;
  run.budget -= ms;
  return ms;
}

/** After a frame: when the worker did less than asked (the wall-time cap), the backlog is dropped. */
export function frameDone(run, asked, done) {
  if (done < asked) run.budget = 0;
}
