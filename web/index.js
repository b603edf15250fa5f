// The gallery: translated labels (the language is shared with every demo)
// and a footer line saying which core build this browser runs. It loads
// simcore-labels.js only: naming the build needs the SIMD probe, not the core.
(function () {
  'use strict';
  var W = window.simcoreLabels;

  function relabel() {
    document.documentElement.lang = W.getLang() === 'zh' ? 'zh-CN' : 'en';
    W.translate(document);
    document.title = W.t('page.index.title');
    // Thumbnails in the page's language: thumbs/<page>.png (English), <page>.zh.png.
    var thumbs = document.querySelectorAll('img[data-thumb]');
    for (var i = 0; i < thumbs.length; i++) {
      thumbs[i].src = 'thumbs/' + thumbs[i].getAttribute('data-thumb') + (W.getLang() === 'zh' ? '.zh' : '') + '.png';
    }
  }
  relabel();
  W.onLangChange(relabel);
  document.getElementById('lang').addEventListener('click', function () {
    W.setLang(W.getLang() === 'zh' ? 'en' : 'zh');
  });

  document.getElementById('status').textContent =
    'simcore ' + W.version + ' · ' + (W.simdSupported() ? 'WebAssembly SIMD' : 'WebAssembly (scalar build)');
})();
