// The kernels area of the widget layer: <simcore-kernels> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreKernels } from './kernels.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-kernels': SimcoreKernels };
