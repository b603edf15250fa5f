// English labels of every page (language switch, status, the gallery).
// Twin of lang.zh.mjs (same keys; a test checks they match).
export default {
  'lang.name': 'English',
  'lang.switch': '中文',
  'lang.switchTitle': 'Switch the interface to Chinese',
  'status.loading': 'loading…',
  'status.error': 'error',
  'page.index.title': 'simcore: interactive brain-inspired computing',
  'page.index.intro': 'Interactive models for the course on deep learning and brain-inspired computing. Every page runs a C core compiled to WebAssembly in your browser, also straight from disk, with nothing sent anywhere.',
  'page.index.gabor.title': 'Gabor filter and V1 orientation selectivity',
  'page.index.gabor.desc': 'Tune a Gabor kernel, see its spectrum, filter images, and watch a bank of orientation-selective cells build the orientation map of V1.',
  'page.index.engine.title': 'Convolution engine',
  'page.index.engine.desc': 'The engine under the demos: convolution and correlation, border rules, and the direct, separable and FFT methods with their timings.',
  'page.index.hopfield.title': 'Hopfield network and Boltzmann dynamics',
  'page.index.hopfield.desc': 'Draw on a network of neurons, store digits and letters, corrupt them and watch recall roll down the energy; learning rules, temperature, annealing and capacity.',
  'page.index.mlp.title': 'Back-propagation playground',
  'page.index.mlp.desc': 'Train a multilayer perceptron on Haykin’s double moon: decision map, learning curves, weights, confusion matrix and test errors; logistic against ReLU side by side.',
  'page.index.pp.title': 'Phase portraits: 2-D linear and nonlinear systems',
  'page.index.pp.desc': 'Centres, foci, nodes and saddles: change the matrix, click for trajectories, walk across the trace–determinant plane; then FitzHugh–Nagumo, van der Pol and Morris–Lecar.',
  'page.index.izh.title': 'The Izhikevich neuron',
  'page.index.izh.desc': 'Regular spiking, bursting, fast spiking: four parameters, the (v, u) phase plane with its nullclines and resets, and the membrane potential.',
};
