simcore.loadSimcore().then((sc) => {
  document.getElementById('status').textContent = `simcore ${sc.version} (${sc.simd ? 'SIMD' : 'scalar'})`;
});
