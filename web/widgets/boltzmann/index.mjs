// The boltzmann area of the widget layer: <simcore-boltzmann> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreBoltzmann } from './boltzmann.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-boltzmann': SimcoreBoltzmann };
