// The network area of the widget layer: <simcore-network> and its labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcoreNetwork } from './network.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-network': SimcoreNetwork };
