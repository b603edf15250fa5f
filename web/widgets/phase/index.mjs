// The phase area of the widget layer (the core's ode and phase areas):
// <simcore-phase-plane>, <simcore-izhikevich>, <simcore-linear3d>, <simcore-hh> and their labels.
import { registerLabels } from '../shared/i18n.mjs';
import en from './lang.en.mjs';
import zh from './lang.zh.mjs';
import { SimcorePhasePlane } from './phase-plane.mjs';
import { SimcoreIzhikevich } from './izhikevich.mjs';
import { SimcoreLinear3d } from './linear3d.mjs';
import { SimcoreHH } from './hh.mjs';

registerLabels({ en, zh });
export const ELEMENTS = { 'simcore-phase-plane': SimcorePhasePlane, 'simcore-izhikevich': SimcoreIzhikevich, 'simcore-linear3d': SimcoreLinear3d, 'simcore-hh': SimcoreHH };
