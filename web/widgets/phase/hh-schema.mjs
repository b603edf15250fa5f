// State of <simcore-hh>: the allow-list for its attributes and URL hash, the
// input protocols and the presets. Hodgkin–Huxley (1952) with the standard
// squid-axon parameters of the core (docs/models.md): modern convention,
// V at rest near −65 mV, t in ms, I in µA/cm².

export const HH_PROTOCOLS = Object.freeze(['step', 'ramp', 'pulse']);

export const HH_SCHEMA = Object.freeze({
  protocol: { type: 'choice', choices: HH_PROTOCOLS, default: 'pulse' },
  amp: { type: 'number', min: -40, max: 60, default: 7 }, // µA/cm²
  onset: { type: 'number', min: 0, max: 400, default: 5 }, // ms
  dur: { type: 'number', min: 0.1, max: 500, default: 1 }, // ms
  // pulse only: a second, equal pulse `delay` ms after the first one's onset (0: none)
  delay: { type: 'number', min: 0, max: 200, default: 0 },
  t1: { type: 'number', min: 10, max: 500, default: 50 }, // ms
  // the time whose input I(tNc) the reduced plane's field and nullclines show
  tNc: { type: 'number', min: 0, max: 500, default: 0 },
});

/**
 * The protocol as the core's piecewise-linear input { t, v } (a repeated
 * time is a jump): step and pulse are rectangles of `amp` from `onset` for
 * `dur`; a ramp rises linearly from 0 to `amp` over `dur`, then drops to 0;
 * a pulse with `delay` > 0 is followed by a second one at onset + delay.
 */
export function protocolInput(s) {
  const { amp, onset: a, dur: d } = s;
  if (s.protocol === 'ramp') return { t: [a, a + d, a + d], v: [0, amp, 0] };
  const t = [a, a, a + d, a + d];
  const v = [0, amp, amp, 0];
  if (s.protocol === 'pulse' && s.delay > 0) {
    const b = Math.max(a + d, a + s.delay); // never before the first pulse ends
    t.push(b, b, b + d, b + d);
    v.push(0, amp, amp, 0);
  }
  return { t, v };
}

// The lecture's four experiments, each a full hash (the page's links).
export const HH_PRESETS = Object.freeze({
  'threshold-sub': 'protocol=pulse&amp=6&onset=5&dur=1&delay=0&t1=40&tNc=0',
  'threshold-supra': 'protocol=pulse&amp=7.5&onset=5&dur=1&delay=0&t1=40&tNc=0',
  refractory: 'protocol=pulse&amp=15&onset=5&dur=1&delay=12&t1=60&tNc=0',
  'anode-break': 'protocol=step&amp=-10&onset=5&dur=20&delay=0&t1=60&tNc=10',
  repetitive: 'protocol=step&amp=10&onset=5&dur=200&delay=0&t1=200&tNc=100',
});
