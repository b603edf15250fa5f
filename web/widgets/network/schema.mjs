// State of <simcore-network>: the allow-list for its attributes and URL hash.
// The network is Izhikevich's 2003 Fig. 3 (net.m; docs/snn.md); the defaults
// are net.m's. ne + ni stays within the core's dense limit (4000 neurons).
export const NETWORK_SCHEMA = Object.freeze({
  ne: { type: 'int', min: 1, max: 3200, default: 800 }, // excitatory neurons
  ni: { type: 'int', min: 0, max: 800, default: 200 }, // inhibitory neurons
  noiseExc: { type: 'number', min: 0, max: 15, default: 5 }, // thalamic input sd, excitatory (net.m: 5)
  noiseInh: { type: 'number', min: 0, max: 10, default: 2 }, // inhibitory (net.m: 2)
  scaleExc: { type: 'number', min: 0, max: 2, default: 0.5 }, // S = [exc·rand, −inh·rand] (net.m: 0.5, 1)
  scaleInh: { type: 'number', min: 0, max: 4, default: 1 },
  heterogeneity: { type: 'bool', default: true }, // net.m's random r per neuron, or r = 0
  seed: { type: 'int', min: 0, max: 999999, default: 1 },
  // exact: net.m in double precision, bit for bit; fast: float32 SIMD with its own noise (same rhythms, other spikes).
  mode: { type: 'choice', choices: ['exact', 'fast'], default: 'exact' },
  speed: { type: 'number', min: 0.05, max: 200, default: 1 }, // × real time (simulated ms per wall ms)
  window: { type: 'choice', choices: ['250', '500', '1000', '2000'], default: '1000' }, // raster width, ms
  spectrum: { type: 'choice', choices: ['2', '4', '8', '16'], default: '4' }, // rate spectrum over the last s
  neuron: { type: 'int', min: 0, max: 3999, default: 0 }, // the neuron whose v(t), u(t) are traced
});

/** Network options for sc.createIzhikevichNetwork from a state. */
export function networkOptions(s) {
  return {
    ne: s.ne, ni: s.ni, seed: s.seed, heterogeneity: s.heterogeneity, mode: s.mode,
    noise: { exc: s.noiseExc, inh: s.noiseInh }, scale: { exc: s.scaleExc, inh: s.scaleInh },
  };
}

/** The fields that need a new network when they change (time back to 0). */
export const NETWORK_FIELDS = ['ne', 'ni', 'seed', 'mode'];
/** The fields a running network takes as it runs (setParams: the time goes on). */
export const LIVE_FIELDS = ['noiseExc', 'noiseInh', 'scaleExc', 'scaleInh', 'heterogeneity'];

/** setParams changes from a state. */
export function liveParams(s) {
  return { noise: { exc: s.noiseExc, inh: s.noiseInh }, scale: { exc: s.scaleExc, inh: s.scaleInh }, heterogeneity: s.heterogeneity };
}
