// The pages the build puts at the top of dist/, named so that a page that
// goes missing (or one added without its tests) fails instead of passing
// with whatever readdir finds. The gallery links to every page but itself.
export const GALLERY_PAGES = ['gabor.html', 'phase-plane.html', 'izhikevich.html', 'hh.html', 'linear3d.html', 'hopfield.html', 'backprop.html', 'gradient.html', 'network.html', 'boltzmann.html', 'engine.html', 'lenet.html', 'kernels.html'];
export const PAGES = ['index.html', ...GALLERY_PAGES];
