/* Published parameter sets. The 2004 panels suggest SC_ODE_IZH_EULER, the
 * scheme of figure1.m: with a = 1 (DAP) or bursting panels the pattern
 * depends on it (docs/models.md). Izhikevich presets: parameter vector
 * (a, b, c, d, I, k2, k1, k0, vpeak, vr, ku), initial state (v0, b v0);
 * protocols are piecewise-linear I(t) (a repeated time is a step). Sources
 * and the choices where sources disagree: docs/models.md. */
#include <stddef.h>
#include "ode_internal.h"

#define IZ(a, b, c, d, I)                               \
    {                                                   \
        a, b, c, d, I, 0.04, 5.0, 140.0, 30.0, 0.0, 1.0 \
    }
#define IZ41(a, b, c, d, I)                             \
    {                                                   \
        a, b, c, d, I, 0.04, 4.1, 108.0, 30.0, 0.0, 1.0 \
    }
/* R (accommodation): u' = a b (v + 65), i.e. vr = -65 and no -u term. */
#define IZACC(a, b, c, d, I)                              \
    {                                                     \
        a, b, c, d, I, 0.04, 5.0, 140.0, 30.0, -65.0, 0.0 \
    }
#define Y0(v, b)     \
    {                \
        v, (b) * (v) \
    }
#define F03 "Izhikevich 2003 Fig. 2"
#define F04 "Izhikevich 2004 Fig. 1 (figure1.m)"

static const sc_ode_preset presets[] = {
    /* 2003 Fig. 2 classes, RK4 at 0.1 ms. RS-LTS: constant I = 10 from
     * v0 = -65. TC, TC-rebound and RZ: the inputs and start states of the
     * Fig. 2 code (figure1.m's first figure): TC a step to 1.5 at 30 ms from
     * -63 (tonic firing); TC-rebound held at -25 from -87, released at 45 ms
     * (a rebound burst); RZ from -70 at -2, -0.5 after 10 ms (damped
     * subthreshold oscillations), a 10 pulse at 60-65 ms (it fires).
     * Details and measurements: docs/models.md. */
    {"RS", "regular spiking", F03, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -65, 8, 10), Y0(-65, 0.2), 300, 0.1, SC_ODE_RK4, 0, {0}, {0}},
    {"IB", "intrinsically bursting", F03, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -55, 4, 10), Y0(-65, 0.2), 300, 0.1, SC_ODE_RK4, 0, {0}, {0}},
    {"CH", "chattering", F03, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -50, 2, 10), Y0(-65, 0.2), 300, 0.1, SC_ODE_RK4, 0, {0}, {0}},
    {"FS", "fast spiking", F03, SC_SYS_IZHIKEVICH, IZ(0.1, 0.2, -65, 2, 10), Y0(-65, 0.2), 300, 0.1, SC_ODE_RK4, 0, {0}, {0}},
    {"LTS", "low-threshold spiking", F03, SC_SYS_IZHIKEVICH, IZ(0.02, 0.25, -65, 2, 10), Y0(-65, 0.25), 300, 0.1, SC_ODE_RK4, 0, {0}, {0}},
    {"TC", "thalamo-cortical: tonic firing, a step to I = 1.5 at 30 ms from v0 = -63", F03, SC_SYS_IZHIKEVICH, IZ(0.02, 0.25, -65, 0.05, 1.5), Y0(-63, 0.25), 300, 0.1, SC_ODE_RK4, 2, {30, 30}, {0, 1.5}},
    {"TC-rebound", "thalamo-cortical: rebound burst on release from I = -25 (v0 = -87) at 45 ms", F03, SC_SYS_IZHIKEVICH, IZ(0.02, 0.25, -65, 0.05, 0), Y0(-87, 0.25), 150, 0.1, SC_ODE_RK4, 2, {45, 45}, {-25, 0}},
    {"RZ", "resonator: damped subthreshold oscillations at I = -0.5, then a pulse of 10 at 60-65 ms", F03, SC_SYS_IZHIKEVICH, IZ(0.1, 0.26, -65, 2, -0.5), Y0(-70, 0.26), 100, 0.1, SC_ODE_RK4, 6, {10, 10, 60, 60, 65, 65}, {-2, -0.5, -0.5, 10, 10, -0.5}},
    /* 2004 Fig. 1 panels with their stimulus protocols. figure1.m switches
     * on its grid t = k tau with tests like t > T1 & t < T1 + 4 (S, T:
     * 50 <= t <= 250): a breakpoint halfway between the grid points on
     * either side of such a switch gives the same steps exactly, whatever the
     * rounding of k tau (docs/models.md). G, H, R and L's pulses at 100/11
     * (off the grid) are as written. */
    {"A", "tonic spiking", F04, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -65, 6, 0), Y0(-70, 0.2), 100, 0.25, SC_ODE_IZH_EULER, 2, {10.125, 10.125}, {0, 14}},
    {"B", "phasic spiking", F04, SC_SYS_IZHIKEVICH, IZ(0.02, 0.25, -65, 6, 0), Y0(-64, 0.25), 200, 0.25, SC_ODE_IZH_EULER, 2, {20.125, 20.125}, {0, 0.5}},
    {"C", "tonic bursting", F04, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -50, 2, 0), Y0(-70, 0.2), 220, 0.25, SC_ODE_IZH_EULER, 2, {22.125, 22.125}, {0, 15}},
    {"D", "phasic bursting", F04, SC_SYS_IZHIKEVICH, IZ(0.02, 0.25, -55, 0.05, 0), Y0(-64, 0.25), 200, 0.2, SC_ODE_IZH_EULER, 2, {20.1, 20.1}, {0, 0.6}},
    {"E", "mixed mode", F04, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -55, 4, 0), Y0(-70, 0.2), 160, 0.25, SC_ODE_IZH_EULER, 2, {16.125, 16.125}, {0, 10}},
    {"F", "spike-frequency adaptation", F04, SC_SYS_IZHIKEVICH, IZ(0.01, 0.2, -65, 8, 0), Y0(-70, 0.2), 85, 0.25, SC_ODE_IZH_EULER, 2, {8.625, 8.625}, {0, 30}},
    {"G", "class 1 excitable (4.1 v + 108)", F04, SC_SYS_IZHIKEVICH, IZ41(0.02, -0.1, -55, 6, 0), Y0(-60, -0.1), 300, 0.25, SC_ODE_IZH_EULER, 2, {30, 300}, {0, 20.25}},
    {"H", "class 2 excitable", F04, SC_SYS_IZHIKEVICH, IZ(0.2, 0.26, -65, 0, 0), Y0(-64, 0.26), 300, 0.25, SC_ODE_IZH_EULER, 2, {30, 300}, {-0.5, 3.55}},
    {"I", "spike latency", F04, SC_SYS_IZHIKEVICH, IZ(0.02, 0.2, -65, 6, 0), Y0(-70, 0.2), 100, 0.2, SC_ODE_IZH_EULER, 4, {10.1, 10.1, 12.9, 12.9}, {0, 7.04, 7.04, 0}},
    {"J", "subthreshold oscillations", F04, SC_SYS_IZHIKEVICH, IZ(0.05, 0.26, -60, 0, 0), Y0(-62, 0.26), 200, 0.25, SC_ODE_IZH_EULER, 4, {20.125, 20.125, 24.875, 24.875}, {0, 2, 2, 0}},
    {"K", "resonator", F04, SC_SYS_IZHIKEVICH, IZ(0.1, 0.26, -60, -1, 0), Y0(-62, 0.26), 400, 0.25, SC_ODE_IZH_EULER, 16, {40.125, 40.125, 43.875, 43.875, 60.125, 60.125, 63.875, 63.875, 280.125, 280.125, 283.875, 283.875, 320.125, 320.125, 323.875, 323.875}, {0, 0.65, 0.65, 0, 0, 0.65, 0.65, 0, 0, 0.65, 0.65, 0, 0, 0.65, 0.65, 0}},
    {"L", "integrator (4.1 v + 108)", F04, SC_SYS_IZHIKEVICH, IZ41(0.02, -0.1, -55, 6, 0), Y0(-60, -0.1), 100, 0.25, SC_ODE_IZH_EULER, 16, {100.0 / 11, 100.0 / 11, 100.0 / 11 + 2, 100.0 / 11 + 2, 100.0 / 11 + 5, 100.0 / 11 + 5, 100.0 / 11 + 7, 100.0 / 11 + 7, 70.125, 70.125, 71.875, 71.875, 80.125, 80.125, 81.875, 81.875}, {0, 9, 9, 0, 0, 9, 9, 0, 0, 9, 9, 0, 0, 9, 9, 0}},
    {"M", "rebound spike", F04, SC_SYS_IZHIKEVICH, IZ(0.03, 0.25, -60, 4, 0), Y0(-64, 0.25), 200, 0.2, SC_ODE_IZH_EULER, 4, {20.1, 20.1, 24.9, 24.9}, {0, -15, -15, 0}},
    {"N", "rebound burst", F04, SC_SYS_IZHIKEVICH, IZ(0.03, 0.25, -52, 0, 0), Y0(-64, 0.25), 200, 0.2, SC_ODE_IZH_EULER, 4, {20.1, 20.1, 24.9, 24.9}, {0, -15, -15, 0}},
    {"O", "threshold variability", F04, SC_SYS_IZHIKEVICH, IZ(0.03, 0.25, -60, 4, 0), Y0(-64, 0.25), 100, 0.25, SC_ODE_IZH_EULER, 12, {10.125, 10.125, 14.875, 14.875, 70.125, 70.125, 74.875, 74.875, 80.125, 80.125, 84.875, 84.875}, {0, 1, 1, 0, 0, -6, -6, 0, 0, 1, 1, 0}},
    {"P", "bistability (figure1.m: I 0.24, pulses 1.24)", F04, SC_SYS_IZHIKEVICH, IZ(0.1, 0.26, -60, 0, 0), Y0(-61, 0.26), 300, 0.25, SC_ODE_IZH_EULER, 8, {37.625, 37.625, 42.375, 42.375, 216.125, 216.125, 220.875, 220.875}, {0.24, 1.24, 1.24, 0.24, 0.24, 1.24, 1.24, 0.24}},
    {"Q", "depolarizing after-potential", F04, SC_SYS_IZHIKEVICH, IZ(1, 0.2, -60, -21, 0), Y0(-70, 0.2), 50, 0.1, SC_ODE_IZH_EULER, 4, {9.05, 9.05, 10.95, 10.95}, {0, 20, 20, 0}},
    /* R: slow ramp t/25 to 8 at 200 ms (no spike), then a fast ramp to 4 over
     * 300-312.5 ms (a spike); figure1.m starts from u = -16 (the rest at
     * I = 0: 0.04 65^2 - 5 65 + 140). */
    {"R", "accommodation (u' = a b (v + 65))", F04, SC_SYS_IZHIKEVICH, IZACC(0.02, 1, -55, 4, 0), {-65, -16}, 400, 0.5, SC_ODE_IZH_EULER, 6, {0, 200, 200, 300, 312.5, 312.5}, {0, 8, 0, 0, 4, 0}},
    {"S", "inhibition-induced spiking", F04, SC_SYS_IZHIKEVICH, IZ(-0.02, -1, -60, 8, 0), Y0(-63.8, -1), 350, 0.5, SC_ODE_IZH_EULER, 4, {49.75, 49.75, 250.25, 250.25}, {80, 75, 75, 80}},
    {"T", "inhibition-induced bursting (d = -2 as figure1.m)", F04, SC_SYS_IZHIKEVICH, IZ(-0.026, -1, -45, -2, 0), Y0(-63.8, -1), 350, 0.5, SC_ODE_IZH_EULER, 4, {49.75, 49.75, 250.25, 250.25}, {80, 75, 75, 80}},
    /* Morris-Lecar, Rinzel & Ermentrout (1998) parameter sets */
    {"ML-hopf", "Morris-Lecar, Hopf (class 2) set, I = 100", "Rinzel & Ermentrout 1998", SC_SYS_MORRIS_LECAR, {100, 20, 2, -60, 4.4, 120, 8, -84, -1.2, 18, 2, 30, 0.04}, {-60, 0}, 500, 0.05, SC_ODE_RK4, 0, {0}, {0}},
    {"ML-snic", "Morris-Lecar, SNIC (class 1) set, I = 45", "Rinzel & Ermentrout 1998", SC_SYS_MORRIS_LECAR, {45, 20, 2, -60, 4, 120, 8, -84, -1.2, 18, 12, 17.4, 1.0 / 15.0}, {-60, 0}, 500, 0.05, SC_ODE_RK4, 0, {0}, {0}},
    {"FHN", "FitzHugh-Nagumo relaxation oscillation", "FitzHugh 1961", SC_SYS_FITZHUGH_NAGUMO, {0.7, 0.8, 12.5, 0.5}, {-1, 1}, 200, 0.05, SC_ODE_RK4, 0, {0}, {0}},
    {"VDP", "van der Pol, mu = 1", "van der Pol 1926", SC_SYS_VAN_DER_POL, {1}, {2, 0}, 50, 0.01, SC_ODE_RK4, 0, {0}, {0}},
    {"HH", "Hodgkin-Huxley squid axon, I = 10 (repetitive firing)", "Hodgkin & Huxley 1952", SC_SYS_HODGKIN_HUXLEY, {1, 120, 36, 0.3, 50, -77, -54.387, 10}, {-65, 0.05293248525724958, 0.5961207535084603, 0.3176769140606974}, 100, 0.01, SC_ODE_RK4, 0, {0}, {0}},
};

int sc_ode_preset_count(void) { return (int)(sizeof presets / sizeof presets[0]); }

const sc_ode_preset *sc_ode_preset_get(int index)
{
    return index >= 0 && index < sc_ode_preset_count() ? &presets[index] : NULL;
}
