// Starts reveal.js and keeps the deck's text in the widgets' language (a file:
// the page's Content-Security-Policy runs no inline script).
(function () {
  'use strict';
  var W = window.simcoreWidgets;
  // ?lang=en or ?lang=zh in the address picks the language (and is remembered).
  var asked = /[?&]lang=(en|zh)\b/.exec(location.search);
  if (asked) W.setLang(asked[1]);

  var button = document.getElementById('deck-lang');
  function relabel() {
    var lang = W.getLang();
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    button.textContent = lang === 'zh' ? 'English' : '中文';
    var h = document.querySelector('.reveal .slides section h2 .' + lang);
    if (h) document.title = h.textContent + ' · simcore slides';
  }
  function toggle() { W.setLang(W.getLang() === 'zh' ? 'en' : 'zh'); }
  relabel();
  W.onLangChange(relabel);
  button.addEventListener('click', toggle);

  // 16:9 at 1280 × 720; reveal scales the whole slide to the window.
  // The 'slide' transition moves hidden slides out of the frame, so a widget's
  // IntersectionObserver sees them off screen; with 'fade' or 'none' the next
  // slides lie under the present one (transparent) and their widgets compute early.
  Reveal.initialize({ hash: true, width: 1280, height: 720, margin: 0.02, center: false, transition: 'slide' });
  Reveal.addKeyBinding({ keyCode: 76, key: 'L', description: 'English / 中文' }, toggle);
})();
