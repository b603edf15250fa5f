// Every area of the widget layer, in one list (docs/widgets.md). An area is a
// folder web/widgets/<name>/ holding
//   index.mjs           registers its labels, exports ELEMENTS (tag -> class)
//   lang.en.mjs, lang.zh.mjs   its labels (same keys)
//   jobs.mjs            optional: JOBS, the job types its worker lane runs
// and is hosted by the pages listed here (web/<page>); `core` is the wasm
// module of core/areas.txt its bundle embeds (the area's core area and what
// it needs: the engine page's Gabor kernel comes from the gabor module). tools/build-web.mjs
// reads this list to make one widget script per area (dist/simcore-<name>.js,
// which the area's pages load, so a page carries only its own areas), the
// widget script with every area (dist/simcore-widgets.js, for embedding), the
// workers' job tables and the gallery's labels. Data only: Node reads it too.
export const AREAS = [
  { name: 'gabor', core: 'gabor', pages: ['gabor.html'] },
  { name: 'conv', core: 'gabor', pages: ['engine.html'] },
  { name: 'phase', core: 'phase', pages: ['phase-plane.html', 'izhikevich.html', 'linear3d.html', 'hh.html'] },
  { name: 'hopfield', core: 'hopfield', pages: ['hopfield.html'] },
  { name: 'mlp', core: 'mlp', pages: ['backprop.html'] },
  { name: 'optim', core: 'optim', pages: ['gradient.html'] },
  { name: 'network', core: 'snn', pages: ['network.html'] },
  { name: 'lenet', core: 'lenet', pages: ['lenet.html'] },
  { name: 'boltzmann', core: 'boltzmann', pages: ['boltzmann.html'] },
  { name: 'kernels', core: 'kernel', pages: ['kernels.html'] },
];
