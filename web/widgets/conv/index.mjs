// The conv area of the widget layer: <simcore-conv> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreConv } from './conv.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-conv': SimcoreConv };
