// State of <simcore-lenet>: the allow-list for its attributes and URL hash (no
// DOM, so Node tests import it). The data the student opens (IDX files) and
// the drawing stay in the page: a link names the settings only.
export const NETS = ['lecun1998', 'modern'];
export const DATA = ['subset', 'idx'];
export const BATCHES = [1, 8, 16, 32, 64];

export const LENET_SCHEMA = Object.freeze({
  net: { type: 'choice', choices: NETS, default: 'lecun1998' },
  data: { type: 'choice', choices: DATA, default: 'subset' }, // 'idx': the student's files (until opened, the subset)
  seed: { type: 'int', min: 0, max: 999999, default: 1 }, // initial weights and the order of every pass
  epochs: { type: 'int', min: 1, max: 30, default: 3 }, // training stops after this pass
  lr: { type: 'number', min: 0, max: 1, default: 0 }, // 0: the default (1998: the paper's schedule x 5; modern 0.01)
  batch: { type: 'int', min: 1, max: 64, default: 32 }, // modern only; 1998 trains online
  digit: { type: 'int', min: 0, max: 9999, default: 0 }, // the test digit whose feature maps are shown
  maps: { type: 'choice', choices: ['test', 'pad'], default: 'test' }, // feature maps of a test digit or of the drawing
});
