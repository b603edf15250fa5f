// Host script of every demo page (gabor.html, hopfield.html, ...): the page's
// one simcore-* widget keeps its full state in the URL hash (a link reproduces
// what the student saw), and the page text follows the shared language.
// Hash values go through the widget's schema: unknown names and bad values are
// ignored, and nothing from the hash is ever written as markup. The page title
// comes from the <h1>'s label key.
(function () {
  'use strict';
  var W = window.simcoreWidgets;
  var widget = document.querySelector(W.elements.join(','));
  var titleKey = document.querySelector('header h1').getAttribute('data-i18n');
  var status = document.getElementById('status');

  function relabel() {
    document.documentElement.lang = W.getLang() === 'zh' ? 'zh-CN' : 'en';
    W.translate(document);
    document.title = W.t(titleKey) + ' · simcore';
  }
  relabel();
  W.onLangChange(relabel);
  document.getElementById('lang').addEventListener('click', function () {
    W.setLang(W.getLang() === 'zh' ? 'en' : 'zh');
  });

  widget.applyHash(location.hash);
  window.addEventListener('hashchange', function () { widget.applyHash(location.hash); });
  widget.addEventListener('change', function () {
    try {
      history.replaceState(null, '', '#' + widget.toHash());
    } catch (e) { /* some embedders forbid it; the page still works */ }
  });

  // A dropped file that misses the widget must not navigate away from the page.
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });

  widget.ready.then(function () {
    status.textContent = 'simcore ' + widget.dataset.core;
  });
})();
