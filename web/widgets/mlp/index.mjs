// The mlp area of the widget layer: <simcore-mlp> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreMlp } from './mlp.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-mlp': SimcoreMlp };
