// State of <simcore-gradient>: the allow-list for its attributes and URL
// hash. Angles in degrees (the page shows degrees; the core takes radians).
export const FUNCTIONS = ['quadratic', 'rosenbrock', 'himmelblau', 'saddle', 'expr'];

export const GRADIENT_SCHEMA = Object.freeze({
  fn: { type: 'choice', choices: FUNCTIONS, default: 'quadratic' },
  kappa: { type: 'number', min: 1, max: 100, default: 10 }, // condition number of the bowl
  angle: { type: 'number', min: -90, max: 90, default: 30 }, // its first axis, degrees from x
  // f(x, y) typed by the student, compiled by the core's parser.
  expr: { type: 'text', maxLength: 200, chars: 'A-Za-z0-9_+\\-*/^()., ', default: 'sin(x)*cos(y) + 0.1*(x^2 + y^2)' },
  px: { type: 'number', min: -1000, max: 1000, default: 2 }, // the clicked point
  py: { type: 'number', min: -1000, max: 1000, default: 1.5 },
  theta: { type: 'number', min: -180, max: 180, default: 135 }, // direction l, degrees from x
  eta: { type: 'number', min: 1e-4, max: 2, default: 0.1 }, // GD and momentum step
  alpha: { type: 'number', min: 0, max: 0.99, default: 0.5 }, // momentum constant
  maxIter: { type: 'int', min: 10, max: 100000, default: 20000 },
  gd: { type: 'bool', default: true },
  momentum: { type: 'bool', default: true },
  newton: { type: 'bool', default: true },
  taylor: { type: 'bool', default: true },
  eigen: { type: 'bool', default: true },
});

// Each built-in's view: centre and half-width (the plane keeps equal scales).
export const VIEWS = {
  quadratic: [0, 0, 3.2],
  rosenbrock: [0, 1, 2.2],
  himmelblau: [0, 0, 5.5],
  saddle: [0, 0, 2.2],
  expr: [0, 0, 4],
};

// Convergence: |grad f| below this (the readout says so).
export const TOL = 1e-6;
