// <simcore-hopfield>'s worker job: recall rate against load
// (docs/hopfield.md, "Capacity experiment").
import { timed } from '../shared/timed.mjs';

export const JOBS = {
  hopfieldCapacity(sc, job) {
    const [r, ms] = timed(() => sc.hopfieldCapacity(job.options));
    return { result: { ...r, ms }, transfer: [r.recall.buffer, r.overlap.buffer] };
  },
};
