// The optim area of the widget layer (the core's optim area):
// <simcore-gradient> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreGradient } from './gradient.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-gradient': SimcoreGradient };
