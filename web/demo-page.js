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
  // The address follows the state at once, then at most every 150 ms while
  // changes keep coming (the last one always lands): replacing it on every
  // event of a 60 Hz slider drag cost the page about 2 ms each.
  var hashTimer = 0;
  var hashWritten = -Infinity;
  // window.simcoreHashPending while a write waits (tests read the address
  // after it; not an attribute of <html>, whose changes the widgets watch).
  function writeHash() {
    hashTimer = 0;
    window.simcoreHashPending = false;
    hashWritten = performance.now();
    try {
      history.replaceState(null, '', '#' + widget.toHash());
    } catch (e) { /* some embedders forbid it; the page still works */ }
  }
  widget.addEventListener('change', function () {
    if (hashTimer) return;
    var wait = hashWritten + 150 - performance.now();
    if (wait <= 0) writeHash();
    else {
      window.simcoreHashPending = true;
      hashTimer = setTimeout(writeHash, wait);
    }
  });

  // A dropped file that misses the widget must not navigate away from the page.
  window.addEventListener('dragover', function (e) { e.preventDefault(); });
  window.addEventListener('drop', function (e) { e.preventDefault(); });

  widget.ready.then(function () {
    status.textContent = 'simcore ' + widget.dataset.core;
  });
})();
