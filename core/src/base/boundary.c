/* The wasm boundary described once, by the C side: sc_boundary() returns a
 * JSON text with the status codes by name, every limit of limits.h and the
 * layout of the records read by offset (the preset record of ode.h, the
 * class and equilibrium records of phase.h), which
 * the JavaScript binding reads when it loads (bindings/core/boundary.mjs)
 * instead of keeping copies. tests/wasm/boundary.test.mjs checks that every
 * #define of limits.h and every status of status.h is here. */
#include <stdio.h>
#include <string.h>
#include "simcore/limits.h"
#include "simcore/ode.h"
#include "simcore/phase.h"
#include "simcore/status.h"
#include "internal.h"

#define STATUS(name) \
    {                \
#name, name  \
    }
static const struct {
    const char *name;
    int value;
} statuses[] = {
    STATUS(SC_OK),
    STATUS(SC_ERR_NULL),
    STATUS(SC_ERR_SIZE),
    STATUS(SC_ERR_RANGE),
    STATUS(SC_ERR_NONFINITE),
    STATUS(SC_ERR_OPTION),
    STATUS(SC_ERR_NOMEM),
    STATUS(SC_ERR_INTERNAL),
    STATUS(SC_ERR_HANDLE),
    STATUS(SC_ERR_OVERFLOW),
};
_Static_assert(sizeof statuses / sizeof statuses[0] == SC_STATUS_COUNT, "every status is described");

#define LIMIT(name)           \
    {                         \
#name, (double)(name) \
    }
static const struct {
    const char *name;
    double value;
} limits[] = {
    LIMIT(SC_CONV_MAX_DIM),
    LIMIT(SC_CONV_MAX_PIXELS),
    LIMIT(SC_CONV_MAX_KERNEL_DIM),
    LIMIT(SC_GABOR_MAX_ORIENTATIONS),
    LIMIT(SC_GABOR_MAX_SCALES),
    LIMIT(SC_GABOR_MAX_BANK_VALUES),
    LIMIT(SC_GABOR_MAX_TUNING_STEPS),
    LIMIT(SC_FFT_MAX_SPECTRUM),
    LIMIT(SC_HOPFIELD_MAX_NEURONS),
    LIMIT(SC_HOPFIELD_MAX_PATTERNS),
    LIMIT(SC_HOPFIELD_MAX_NETWORKS),
    LIMIT(SC_HOPFIELD_MAX_SWEEPS),
    LIMIT(SC_HOPFIELD_MAX_TRIALS),
    LIMIT(SC_HOPFIELD_MAX_LOADS),
    LIMIT(SC_HOPFIELD_MAX_ADVANCE),
    LIMIT(SC_ODE_MAX_DIM),
    LIMIT(SC_ODE_MAX_PARAMS),
    LIMIT(SC_ODE_MAX_STEPS),
    LIMIT(SC_ODE_MAX_INPUT),
    LIMIT(SC_ODE_MAX_BATCH),
    LIMIT(SC_ODE_FI_MAX),
    LIMIT(SC_ODE_MAX_BATCH_DT),
    LIMIT(SC_ODE_MAX_RESULTS),
    LIMIT(SC_ODE_MAX_CUSTOM),
    LIMIT(SC_PHASE_MAX_GRID),
    LIMIT(SC_PHASE_MAX_POINTS),
    LIMIT(SC_PHASE_MAX_NULLCLINE_POINTS),
    LIMIT(SC_PHASE_MAX_EQUILIBRIA),
    LIMIT(SC_LINALG_MAX_DIM),
    LIMIT(SC_LINALG_MAX_ELEMENTS),
    LIMIT(SC_SNN_MAX_DENSE),
    LIMIT(SC_SNN_MAX_SPARSE),
    LIMIT(SC_SNN_MAX_IN_DEGREE),
    LIMIT(SC_SNN_MAX_NETWORKS),
    LIMIT(SC_SNN_MAX_STEP_MS),
    LIMIT(SC_MLP_MAX_HIDDEN),
    LIMIT(SC_MLP_MAX_UNITS),
    LIMIT(SC_MLP_MAX_INPUTS),
    LIMIT(SC_MLP_MAX_OUTPUTS),
    LIMIT(SC_MLP_MAX_NETWORKS),
    LIMIT(SC_MLP_MAX_SAMPLES),
    LIMIT(SC_MLP_MAX_EPOCHS),
    LIMIT(SC_MLP_MAX_GRID),
    LIMIT(SC_OPTIM_MAX_GRID),
    LIMIT(SC_OPTIM_MAX_ITER),
    LIMIT(SC_OPTIM_MAX_KAPPA),
    LIMIT(SC_OPTIM_MAX_COORD),
    LIMIT(SC_OPTIM_MAX_POINTS),
    LIMIT(SC_OPTIM_DIVERGE_AT),
    LIMIT(SC_BOLTZMANN_MAX_UNITS),
    LIMIT(SC_BOLTZMANN_MAX_EXACT),
    LIMIT(SC_BOLTZMANN_MAX_MACHINES),
    LIMIT(SC_BOLTZMANN_MAX_DATA),
    LIMIT(SC_BOLTZMANN_MAX_SWEEPS),
    LIMIT(SC_BOLTZMANN_MAX_EPOCHS),
    LIMIT(SC_BOLTZMANN_MAX_WEIGHT),
    LIMIT(SC_BOLTZMANN_MAX_EPSILON),
    LIMIT(SC_BOLTZMANN_MAX_CD_K),
    LIMIT(SC_BOLTZMANN_MIN_T),
    LIMIT(SC_BOLTZMANN_MAX_T),
    LIMIT(SC_LENET_MAX_NETS),
    LIMIT(SC_LENET_MAX_IMAGES),
    LIMIT(SC_LENET_MAX_BATCH),
    LIMIT(SC_LENET_MAX_LR),
    LIMIT(SC_LENET_MAX_WEIGHT),
    LIMIT(SC_KDE_MAX_SAMPLES),
    LIMIT(SC_KDE_MAX_POINTS),
    LIMIT(SC_KDE_MAX_GRID),
    LIMIT(SC_KDE_MAX_CV),
    LIMIT(SC_KDE_MAX_CV_GRID),
    LIMIT(SC_KDE_MAX_FFT_SIDE),
    LIMIT(SC_KDE_MAX_FFT),
    LIMIT(SC_KDE_MAX_VALUE),
    LIMIT(SC_KDE_MIN_BANDWIDTH),
    LIMIT(SC_KDE_MAX_BANDWIDTH),
    LIMIT(SC_SVM_MAX_MODELS),
    LIMIT(SC_SVM_MAX_POINTS),
    LIMIT(SC_SVM_MAX_DIMS),
    LIMIT(SC_SVM_MAX_VALUES),
    LIMIT(SC_SVM_MAX_COORD),
    LIMIT(SC_SVM_MAX_C),
    LIMIT(SC_SVM_MAX_GAMMA),
    LIMIT(SC_SVM_MAX_DEGREE),
    LIMIT(SC_SVM_MAX_COEF0),
    LIMIT(SC_SVM_MIN_TOL),
    LIMIT(SC_SVM_MAX_TOL),
    LIMIT(SC_SVM_DEFAULT_CACHE),
    LIMIT(SC_SVM_MIN_CACHE),
    LIMIT(SC_SVM_MAX_CACHE),
    LIMIT(SC_SVM_MAX_ITER),
    LIMIT(SC_SVM_MAX_GRID_PAIRS),
    LIMIT(SC_SVM_MAX_FOLDS),
    LIMIT(SC_SVM_MAX_GRID),
};

/* Records the binding reads by offset: each field's first index. */
#define FIELD(name)           \
    {                         \
#name, (double)(name) \
    }
static const struct {
    const char *name;
    double value;
} preset_fields[] = {
    FIELD(SC_FLAT_PRESET_SYSTEM),
    FIELD(SC_FLAT_PRESET_T1),
    FIELD(SC_FLAT_PRESET_DT),
    FIELD(SC_FLAT_PRESET_INPUT_N),
    FIELD(SC_FLAT_PRESET_PARAMS),
    FIELD(SC_FLAT_PRESET_Y0),
    FIELD(SC_FLAT_PRESET_INPUT_T),
    FIELD(SC_FLAT_PRESET_INPUT_V),
    FIELD(SC_FLAT_PRESET_METHOD),
    FIELD(SC_FLAT_PRESET_SIZE),
    FIELD(SC_FLAT_ODE_INFO),
    FIELD(SC_FLAT_CLASS_TYPE),
    FIELD(SC_FLAT_CLASS_TRACE),
    FIELD(SC_FLAT_CLASS_DET),
    FIELD(SC_FLAT_CLASS_DISC),
    FIELD(SC_FLAT_CLASS_EIGENVALUES),
    FIELD(SC_FLAT_CLASS_EIGENVECTORS),
    FIELD(SC_FLAT_CLASS_SIZE),
    FIELD(SC_FLAT_CLASS3_TYPE),
    FIELD(SC_FLAT_CLASS3_UNSTABLE_DIM),
    FIELD(SC_FLAT_CLASS3_TRACE),
    FIELD(SC_FLAT_CLASS3_MINORS),
    FIELD(SC_FLAT_CLASS3_DET),
    FIELD(SC_FLAT_CLASS3_EIGENVALUES),
    FIELD(SC_FLAT_CLASS3_REAL),
    FIELD(SC_FLAT_CLASS3_VECTORS),
    FIELD(SC_FLAT_CLASS3_SIZE),
    FIELD(SC_FLAT_EQ_X),
    FIELD(SC_FLAT_EQ_Y),
    FIELD(SC_FLAT_EQ_JACOBIAN),
    FIELD(SC_FLAT_EQ_CLASS),
    FIELD(SC_FLAT_EQ_SIZE),
};

static char text[4096];

/* Appends "name":value (after a comma unless first); returns the new end. */
static size_t entry(size_t at, int first, const char *name, double value)
{
    if (at >= sizeof text) return at;
    const int k = snprintf(text + at, sizeof text - at, "%s\"%s\":%.17g", first ? "" : ",", name, value);
    return k < 0 ? sizeof text : at + (size_t)k;
}

static size_t literal(size_t at, const char *s)
{
    if (at >= sizeof text) return at;
    const int k = snprintf(text + at, sizeof text - at, "%s", s);
    return k < 0 ? sizeof text : at + (size_t)k;
}

SC_API const char *sc_boundary(void)
{
    if (text[0]) return text;
    size_t at = literal(0, "{\"status\":{");
    for (size_t i = 0; i < sizeof statuses / sizeof statuses[0]; i++)
        at = entry(at, i == 0, statuses[i].name, statuses[i].value);
    at = literal(at, "},\"limits\":{");
    for (size_t i = 0; i < sizeof limits / sizeof limits[0]; i++)
        at = entry(at, i == 0, limits[i].name, limits[i].value);
    at = literal(at, "},\"records\":{");
    for (size_t i = 0; i < sizeof preset_fields / sizeof preset_fields[0]; i++)
        at = entry(at, i == 0, preset_fields[i].name, preset_fields[i].value);
    at = literal(at, "}}");
    /* A text that did not fit would be cut JSON: say so instead. */
    if (at >= sizeof text - 1) snprintf(text, sizeof text, "{\"error\":\"boundary text exceeds %zu bytes\"}", sizeof text);
    return text;
}
