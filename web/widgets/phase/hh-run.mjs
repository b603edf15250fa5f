// One Hodgkin–Huxley experiment in the core (the phase area's `hh` job): the
// 4-D model under the protocol from rest, its spikes (upward crossings of
// 0 mV, located by the core's crossing event), the drive I(t) the integrator
// applied, and Rinzel's reduced system (hh-rinzel: m = m∞(V), h = 0.8 − n)
// under the same protocol from the same V and n.
import { protocolInput } from './hh-schema.mjs';

export const HH_DT = 0.01; // ms, RK4 (the core cuts steps at the protocol's jumps)

export function hhRun(sc, s) {
  const input = protocolInput(s);
  const hh = sc.systems['hodgkin-huxley'];
  const params = { ...hh.defaults, I: 0 };
  const y0 = Array.from(hh.y0); // V = −65 mV, the gates at their steady states
  const event = { variable: 'V', value: 0 };
  const full = sc.integrate({ system: 'hodgkin-huxley', params, y0, t1: s.t1, dt: HH_DT, input, event });
  const red = sc.integrate({ system: 'hh-rinzel', params: { ...sc.systems['hh-rinzel'].defaults, I: 0 }, y0: [y0[0], y0[3]], t1: s.t1, dt: HH_DT, input,
    bounds: [[-200, 200], [-1, 2]] });
  return {
    input, t: full.t, y: full.y, stop: full.stop, I: sc.inputSample(input, full.t),
    spikes: full.events.filter((e) => e.kind === 'crossing').map((e) => e.t),
    reduced: { t: red.t, y: red.y, stop: red.stop },
  };
}
