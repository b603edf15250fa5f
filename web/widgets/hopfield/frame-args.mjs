// How much of the dynamics one animation frame of <simcore-hopfield> asks
// its session for (dynamics.mjs): the speed slider's budget of neuron
// updates (async), sweeps (sync) or schedule steps (anneal). Pure, so Node
// tests it (tests/wasm/hopfield-session.test.mjs).

/**
 * The step arguments of one animation frame, or null when the budget holds
 * less than one update. `run` ({ kind, k, budget, last, settle }) is updated;
 * `s` is the widget state, n the number of neurons, now in ms.
 */
export function frameArgs(run, s, n, now) {
  const dt = Math.min(0.1, (now - run.last) / 1000);
  run.last = now;
  if (run.kind === 'anneal') {
    // The whole schedule takes about 3 s, or longer at a slow speed; one sweep per temperature.
    run.budget += dt * Math.max(s.speed, s.annealSweeps / 3);
    const count = Math.min(Math.floor(run.budget), s.annealSweeps - run.k);
    if (count < 1) return null;
    run.budget -= count;
    const k = run.k;
    run.k += count;
    return { mode: s.mode, anneal: { from: s.annealFrom, to: s.annealTo, sweeps: s.annealSweeps, k, count } };
  }
  const temperature = run.settle ? 0 : s.temperature;
  if (s.mode === 'sync') {
    run.budget += dt * s.speed;
    const sweeps = Math.floor(run.budget);
    if (sweeps < 1) return null;
    run.budget -= sweeps;
    return { mode: 'sync', temperature, updates: sweeps, recordEvery: 1 };
  }
  // Neuron by neuron: a smooth animation and an energy point every n/32 updates.
  run.budget += dt * s.speed * n;
  const updates = Math.floor(run.budget);
  if (updates < 1) return null;
  run.budget -= updates;
  return { mode: 'async', temperature, updates, recordEvery: Math.max(1, Math.ceil(n / 32)) };
}
