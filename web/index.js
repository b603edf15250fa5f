// The gallery: translated labels (the language is shared with every demo)
// and a footer line saying which core build this browser runs.
(function () {
  'use strict';
  var W = window.simcoreWidgets;

  function relabel() {
    document.documentElement.lang = W.getLang() === 'zh' ? 'zh-CN' : 'en';
    W.translate(document);
    document.title = W.t('page.index.title');
  }
  relabel();
  W.onLangChange(relabel);
  document.getElementById('lang').addEventListener('click', function () {
    W.setLang(W.getLang() === 'zh' ? 'en' : 'zh');
  });

  window.simcore.loadSimcore().then(function (sc) {
    document.getElementById('status').textContent =
      'simcore ' + sc.version + ' · ' + (sc.simd ? 'WebAssembly SIMD' : 'WebAssembly (scalar build)');
  });
})();
