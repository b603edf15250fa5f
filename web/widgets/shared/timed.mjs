/** [value, milliseconds] of one call: jobs report their own compute time. */
export function timed(fn) {
  const t0 = performance.now();
  const value = fn();
  return [value, performance.now() - t0];
}
