// simcore: the JavaScript binding. A thin layer over the C core compiled to
// WebAssembly: it validates every argument (errors name the argument), copies
// inputs into wasm memory, calls the core and copies results out into
// JS-owned typed arrays. Scratch blocks are reused between calls.
// Types and conventions: simcore.d.ts. Architecture: docs/architecture.md.
// This entry carries every area; core/load.mjs attaches those the loaded
// wasm module holds (all of them, unless `module` names one area's module).
import { makeLoader } from './core/load.mjs';
import { AREA as boltzmann } from './boltzmann.mjs';
import { AREA as conv } from './conv.mjs';
import { AREA as gabor } from './gabor.mjs';
import { AREA as hopfield } from './hopfield.mjs';
import { AREA as kernel } from './kernel.mjs';
import { AREA as lenet } from './lenet.mjs';
import { AREA as linalg } from './linalg.mjs';
import { AREA as mlp } from './mlp.mjs';
import { AREA as ode } from './ode.mjs';
import { AREA as optim } from './optim.mjs';
import { AREA as phase } from './phase.mjs';
import { AREA as snn } from './snn.mjs';
import { AREA as svm } from './svm.mjs';
import { simdSupported } from './core/simd-probe.mjs';

export { BOLTZMANN_METHODS } from './boltzmann.mjs';
export { BORDERS, METHODS } from './conv.mjs';
export { KDE_KERNELS, KDE_METHODS, KDE_RULES, KREG_METHODS } from './kernel.mjs';
export { LENET_LOSSES, LENET_VARIANTS, readIdx } from './lenet.mjs';
export { mnistSubset } from './mnist.mjs';
export { OPTIM_FUNCTIONS, OPTIM_METHODS, OPTIM_OUTCOMES } from './optim.mjs';
export { SVM_KERNELS } from './svm.mjs';
export { simdSupported };

/** Every binding area, in the order the loader attaches them (gabor after conv, whose limits it reads). */
export const BINDING_AREAS = Object.freeze([conv, gabor, hopfield, linalg, mlp, ode, optim, phase, snn, boltzmann, lenet, kernel, svm]);

export const loadSimcore = makeLoader(BINDING_AREAS);
