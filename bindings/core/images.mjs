// Image arguments shared by the areas that filter images (conv.mjs,
// gabor.mjs): the size and array checks, and how an overflowing output is
// reported (see checkOutputs in wasm-core.mjs).
import { checkArray, checkInt } from './validate.mjs';

export function imageChecks(LIMITS) {
  function checkImage(fn, image, width, height) {
    checkInt(fn, 'width', width, 1, LIMITS.maxImageDim);
    checkInt(fn, 'height', height, 1, LIMITS.maxImageDim);
    if (width * height > LIMITS.maxImagePixels) {
      throw new RangeError(`${fn}: width * height = ${width * height} exceeds ${LIMITS.maxImagePixels} pixels`);
    }
    return checkArray(fn, 'image', image, width * height);
  }

  // An output the core may report as overflowing (see checkOutputs).
  const overflow = (ptr, n, what, inputs = 'image') => ({
    ptr, n, message: (i, v) => `${what} overflows float32 (element ${i} is ${v}); scale the ${inputs} down`,
  });

  return { checkImage, overflow };
}
