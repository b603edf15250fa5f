// The fitted numbers of <simcore-kernels> as a Markdown summary for the
// student's report: the data, the bandwidths of every view, the CV scores,
// and the SVM's C, γ, cross-validated accuracy and support vectors.
import { t } from '../shared/i18n.mjs';
import { SOURCE } from './data.mjs';

const p = (v, d = 4) => (Number.isFinite(v) ? Number(v.toPrecision(d)).toString() : '–');

export function summary(el) {
  const r = el.results;
  const s = el._state;
  if (!el.rows) return '';
  const out = [`# ${t('kernels.title')}`, ''];
  const src = el.base.name === 'synthetic' ? `${t('kernels.syntheticName')} (seed ${s.seed}; ${SOURCE.name})` : el.base.name;
  out.push(`${t('kernels.md.data')}: ${src}; ${el.bySex.m.length} ${t('kernels.sex.m')}, ${el.bySex.f.length} ${t('kernels.sex.f')}`
    + ` (${s.addedM.length + s.addedF.length} ${t('kernels.md.added')}, ${s.removed.split(',').filter(Boolean).length} ${t('kernels.md.removed')}).`, '');
  if (r.kde1d) {
    out.push(`## ${t('kernels.section.kde1d')}`, '', `${t('kernels.kernel')}: ${s.kernel}; ${t('kernels.rule')}: ${s.rule}`, '',
      `| ${t('kernels.md.variable')} | ${t('kernels.md.sex')} | h | ${t('kernels.rule.silverman')} h |`, '|---|---|---|---|');
    for (const k of ['height', 'weight']) for (const x of ['m', 'f']) {
      out.push(`| ${t(`kernels.axis.${k}`)} | ${t(`kernels.sex.${x}`)} | ${p(r.kde1d[k][x].bandwidth)} | ${p(r.kde1d[k][x].ruleH)} |`);
    }
    out.push('');
  }
  if (r.kde2d) {
    out.push(`## ${t('kernels.section.kde2d')}`, '', `${t('kernels.rule2')}: ${s.rule2} ×${s.scale2}`, '', `| ${t('kernels.md.sex')} | H₁₁ (cm²) | H₁₂ (cm·kg) | H₂₂ (kg²) |`, '|---|---|---|---|');
    for (const x of ['m', 'f']) out.push(`| ${t(`kernels.sex.${x}`)} | ${p(r.kde2d[x].H[0][0])} | ${p(r.kde2d[x].H[0][1])} | ${p(r.kde2d[x].H[1][1])} |`);
    out.push('');
  }
  if (r.reg) {
    out.push(`## ${t('kernels.section.reg')}`, '', `${t('kernels.regMethod')}: ${s.regMethod}; ${t('kernels.kernel')}: ${s.kernel}`, '',
      `| ${t('kernels.md.sex')} | h (cm) | LOOCV h (cm) | LOOCV min CV (kg²) |`, '|---|---|---|---|');
    for (const x of ['m', 'f']) {
      const sc = r.reg[x].cv.scores.filter(Number.isFinite);
      out.push(`| ${t(`kernels.sex.${x}`)} | ${p(r.reg[x].bandwidth)} | ${p(r.reg[x].cvBandwidth)} | ${p(Math.min(...sc))} |`);
    }
    out.push('');
  }
  if (r.svm) {
    const cv = el.cvAccuracy();
    out.push(`## ${t('kernels.section.svm')}`, '', `| ${t('kernels.svmKernel')} | C | γ | ${t('kernels.degree')} | ${t('kernels.md.sv')} | ${t('kernels.md.train')} | ${t('kernels.md.cv')} |`,
      '|---|---|---|---|---|---|---|',
      `| ${s.svmKernel} | ${p(s.C)} | ${s.svmKernel === 'linear' ? '–' : p(s.gamma)} | ${s.svmKernel === 'poly' ? s.degree : '–'} | ${r.svm.supportIndices.length} | ${p(100 * r.svm.trainAccuracy, 3)} % | ${cv === null ? '–' : `${p(100 * cv, 3)} %`} |`, '');
    if (r.cv) out.push(`${t('kernels.md.best')}: C = ${p(r.cv.best.C)}, γ = ${p(r.cv.best.gamma)}, ${p(100 * r.cv.best.accuracy, 3)} % (${r.cv.folds}-fold).`, '');
    out.push(t('kernels.md.std'), '');
  }
  return out.join('\n');
}
