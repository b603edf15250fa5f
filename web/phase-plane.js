// The phase-plane page: hosts <simcore-phase-plane>, keeps its full state in the URL hash
// (a link reproduces what the student saw) and translates the page text.
// Hash values go through the widget's schema: unknown names and bad values
// are ignored, and nothing from the hash is ever written as markup.
(function () {
  'use strict';
  var W = window.simcoreWidgets;
  var widget = document.querySelector('simcore-phase-plane');
  var status = document.getElementById('status');

  function relabel() {
    document.documentElement.lang = W.getLang() === 'zh' ? 'zh-CN' : 'en';
    W.translate(document);
    document.title = W.t('page.pp.title') + ' · simcore';
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

  widget.ready.then(function () {
    status.textContent = 'simcore ' + widget.dataset.core;
  });
})();
