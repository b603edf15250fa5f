// The lenet area of the widget layer: <simcore-lenet> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreLenet } from './lenet.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-lenet': SimcoreLenet };
