// mulberry32: a tiny seeded generator of uniform numbers in [0, 1), so a
// seed in the URL gives the same random kernel or data set. For what a page
// shows only: simulations draw from the core's generators.
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
