/* simcore: the whole public C API. */
#ifndef SIMCORE_H
#define SIMCORE_H
#include "simcore/status.h"
#include "simcore/conv.h"
#include "simcore/gabor.h"
#include "simcore/limits.h"
#include "simcore/hopfield.h"
#include "simcore/linalg.h"
#include "simcore/mlp.h"
#include "simcore/boltzmann.h"
#include "simcore/lenet.h"
#include "simcore/optim.h"
#include "simcore/flat.h"
#include "simcore/ode.h"
#include "simcore/phase.h"
#include "simcore/fft.h"
#include "simcore/drive.h"
#include "simcore/svm.h"
#endif
