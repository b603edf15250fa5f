/* Every size limit of the core, in one place. Each public function checks
 * its sizes against these BEFORE it allocates anything and returns
 * SC_ERR_SIZE (or SC_ERR_RANGE) naming the argument, so no call can ask for
 * more memory than the wasm build has (MAXIMUM_MEMORY = 2 GiB in
 * CMakeLists.txt). The binding reads them from the core when it loads
 * (sc_boundary(), core/src/base/boundary.c) and exposes them as sc.limits,
 * sc.hopfieldLimits and sc.odeLimits; tests/wasm/boundary.test.mjs checks
 * that every #define here reaches the binding. docs/reliability.md
 * ("Resource limits") gives the memory each limit
 * allows. */
#ifndef SIMCORE_LIMITS_H
#define SIMCORE_LIMITS_H

/* Convolution and Gabor (conv.h, gabor.h). */
#define SC_CONV_MAX_DIM           8192      /* image width or height, px */
#define SC_CONV_MAX_PIXELS        (1 << 24) /* width * height (64 MiB of float32) */
#define SC_CONV_MAX_KERNEL_DIM    1025      /* kernel width or height */
#define SC_GABOR_MAX_ORIENTATIONS 64
#define SC_GABOR_MAX_SCALES       8
/* A bank's energy output holds orientations * width * height floats: the two
 * limits above allow 64 * 2^24 (4 GiB), more than the wasm memory. */
#define SC_GABOR_MAX_BANK_VALUES  (1 << 27) /* 512 MiB of float32 */
#define SC_GABOR_MAX_TUNING_STEPS 4096      /* angles of one tuning curve */
/* Magnitude spectra (sc_fft_spectrum, fft.h): the transform side. */
#define SC_FFT_MAX_SPECTRUM 2048

/* Hopfield networks (hopfield.h). */
#define SC_HOPFIELD_MAX_NEURONS  4096 /* n: W is n*n float32, 64 MiB */
#define SC_HOPFIELD_MAX_PATTERNS 1024 /* and at most n */
#define SC_HOPFIELD_MAX_NETWORKS 64   /* live networks at a time */
#define SC_HOPFIELD_MAX_SWEEPS   1000000
#define SC_HOPFIELD_MAX_TRIALS   10000
#define SC_HOPFIELD_MAX_ADVANCE  (1 << 24) /* updates of one sc_hopfield_advance call */
#define SC_HOPFIELD_MAX_LOADS    1024      /* loads (pattern counts) of one capacity run */

/* ODEs (ode.h). */
#define SC_ODE_MAX_DIM      4         /* largest system dimension (Hodgkin-Huxley) */
#define SC_ODE_MAX_PARAMS   16        /* largest parameter count */
#define SC_ODE_MAX_STEPS    2000000   /* steps (and fixed-step samples) per call */
#define SC_ODE_MAX_INPUT    1024      /* breakpoints of an input protocol */
#define SC_ODE_MAX_BATCH    (1 << 22) /* states in one batch */
#define SC_ODE_FI_MAX       1024      /* currents of one f-I curve */
#define SC_ODE_MAX_CUSTOM   16        /* live custom systems */
#define SC_ODE_MAX_RESULTS  64        /* live result handles (trajectories, polylines) of each kind */
#define SC_ODE_MAX_BATCH_DT 1e6       /* batch step, model time units: a larger
                                           step only turns float32 states into
                                           inf/NaN (3e38 did, with SC_OK) */

/* Phase plane (phase.h). */
#define SC_PHASE_MAX_GRID             4096      /* nx, ny of fields and nullclines */
#define SC_PHASE_MAX_POINTS           (1 << 24) /* nx * ny */
#define SC_PHASE_MAX_NULLCLINE_POINTS (1 << 20) /* nx * ny of nullclines */
#define SC_PHASE_MAX_EQUILIBRIA       64

/* Dense linear algebra (linalg.h). Three matrices at the element limit
 * take 768 MiB of the 2 GiB wasm memory. */
#define SC_LINALG_MAX_DIM      65536     /* m, n, k and every leading dimension */
#define SC_LINALG_MAX_ELEMENTS (1 << 26) /* (rows - 1) * ld + columns of one matrix (256 MiB) */

/* Spiking networks (snn): dense coupling is N*N doubles in the net.m mode
 * (4000 neurons: 128 MiB). */
#define SC_SNN_MAX_DENSE     4000
#define SC_SNN_MAX_SPARSE    200000 /* neurons with a fixed in-degree (fast mode) */
#define SC_SNN_MAX_IN_DEGREE 1000
#define SC_SNN_MAX_NETWORKS  16     /* live networks at a time */
#define SC_SNN_MAX_STEP_MS   100000 /* 1 ms steps of one sc_snn_step call */
/* Multilayer perceptrons (mlp.h). Weights at the limits: 1024*512 +
 * 7*512*512 + 512*256 floats, about 10 MiB, times three (weights, momentum,
 * initial weights). */
#define SC_MLP_MAX_HIDDEN   8         /* hidden layers */
#define SC_MLP_MAX_UNITS    512       /* units of a hidden layer */
#define SC_MLP_MAX_INPUTS   1024      /* input dimension (MNIST: 784) */
#define SC_MLP_MAX_OUTPUTS  256       /* output units */
#define SC_MLP_MAX_NETWORKS 64        /* live networks at a time */
#define SC_MLP_MAX_SAMPLES  (1 << 20) /* points of one call (train, predict, double moon) */
#define SC_MLP_MAX_EPOCHS   100000    /* epochs of one train call */
#define SC_MLP_MAX_GRID     2048      /* nx, ny of a decision map */
/* Descent methods on f(x, y) (optim.h). */
#define SC_OPTIM_MAX_GRID   2048      /* nx, ny of a contour grid */
#define SC_OPTIM_MAX_ITER   100000    /* steps of one trajectory */
#define SC_OPTIM_MAX_KAPPA  1e6       /* condition number of the quadratic bowl */
#define SC_OPTIM_MAX_COORD  1e6       /* |x|, |y| of a start point, a grid corner or a Taylor centre */
#define SC_OPTIM_MAX_POINTS (1 << 22) /* points of one sc_optim_gradients call */
#define SC_OPTIM_DIVERGE_AT 1e10      /* |x| or |y| of an iterate that counts as diverged */

/* Boltzmann machines (boltzmann.h). Enumeration visits 2^n states. */
#define SC_BOLTZMANN_MAX_UNITS    256     /* visible + hidden (Gibbs sampling) */
#define SC_BOLTZMANN_MAX_EXACT    20      /* n of exact statistics: 2^20 states */
#define SC_BOLTZMANN_MAX_MACHINES 64      /* live machines at a time */
#define SC_BOLTZMANN_MAX_DATA     4096    /* data vectors of one call */
#define SC_BOLTZMANN_MAX_SWEEPS   1000000 /* sampling or annealing sweeps per phase */
#define SC_BOLTZMANN_MAX_EPOCHS   100000  /* epochs of one learn call */
#define SC_BOLTZMANN_MAX_WEIGHT   1e6     /* |w|, |b| */
#define SC_BOLTZMANN_MAX_EPSILON  100     /* learning rate */
#define SC_BOLTZMANN_MAX_CD_K     1000    /* Gibbs steps of one CD-k update */
#define SC_BOLTZMANN_MIN_T        1e-3    /* temperatures in [MIN_T, MAX_T] */
#define SC_BOLTZMANN_MAX_T        1e6

/* LeNet-5 (lenet.h). */
#define SC_LENET_MAX_NETS   64      /* live networks at a time */
#define SC_LENET_MAX_IMAGES 1000000 /* images of one call */
#define SC_LENET_MAX_BATCH  4096    /* samples per update */
#define SC_LENET_MAX_LR     10      /* learning rate */
#define SC_LENET_MAX_WEIGHT 1e6     /* |w| of set_weights */

/* Kernel density estimation and kernel regression (kernel.h). */
#define SC_KDE_MAX_SAMPLES   (1 << 22) /* samples of one density estimate or regression */
#define SC_KDE_MAX_POINTS    (1 << 22) /* evaluation points (grid nx * ny) of one call */
#define SC_KDE_MAX_GRID      4096      /* nx, ny of a grid */
#define SC_KDE_MAX_CV        5000      /* samples of a cross-validated bandwidth (O(n^2) per bandwidth) */
#define SC_KDE_MAX_CV_GRID   1000      /* bandwidths of one CV curve */
#define SC_KDE_MAX_FFT_SIDE  16384     /* transform side of the binned path (else exact) */
#define SC_KDE_MAX_FFT       (1 << 22) /* transform elements of the binned path (else exact; 16 MiB a plane) */
#define SC_KDE_MAX_VALUE     1e50      /* |sample|, |grid end|, |y|; with the bandwidth range every
                                          squared scaled distance and product of sums stays < 1e250 */
#define SC_KDE_MIN_BANDWIDTH 1e-50     /* h, sqrt(h11), sqrt(h22) in [MIN, MAX] */
#define SC_KDE_MAX_BANDWIDTH 1e50

/* Support vector machines (svm.h). */
#define SC_SVM_MAX_MODELS     64        /* live models at a time */
#define SC_SVM_MAX_POINTS     50000     /* training points n */
#define SC_SVM_MAX_DIMS       1024      /* dimension d */
#define SC_SVM_MAX_VALUES     (1 << 22) /* n * d of one call (training or evaluation) */
#define SC_SVM_MAX_COORD      1e6       /* |x| of a coordinate */
#define SC_SVM_MAX_C          1e9       /* C */
#define SC_SVM_MAX_GAMMA      1e6       /* gamma */
#define SC_SVM_MAX_DEGREE     10        /* polynomial degree */
#define SC_SVM_MAX_COEF0      1e6       /* |coef0| */
#define SC_SVM_MIN_TOL        1e-12     /* tol in [MIN_TOL, MAX_TOL] */
#define SC_SVM_MAX_TOL        1
#define SC_SVM_DEFAULT_CACHE  (1 << 25) /* kernel-row cache, bytes (32 MiB) */
#define SC_SVM_MIN_CACHE      (1 << 16) /* cache_bytes in [MIN_CACHE, MAX_CACHE] */
#define SC_SVM_MAX_CACHE      (1 << 30)
#define SC_SVM_MAX_ITER       100000000 /* max_iter */
#define SC_SVM_MAX_GRID_PAIRS 4096      /* nC * ngamma of a cross-validation grid */
#define SC_SVM_MAX_FOLDS      100       /* folds of a cross-validation */
#define SC_SVM_MAX_GRID       2048      /* nx, ny of a decision grid */

#endif
