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

  // 16:9 at 1280 × 720; reveal scales the whole slide to the window. On a
  // narrow window (a phone held upright) a slide of the window's own shape,
  // 420 px wide, so the widgets keep a legible type size and lay themselves
  // out for a tall box; reveal's scroll view (which it would switch to below
  // 435 px, dropping deep links such as #/4) is off.
  // The 'slide' transition moves hidden slides out of the frame, so a widget's
  // IntersectionObserver sees them off screen; with 'fade' or 'none' the next
  // slides lie under the present one (transparent) and their widgets compute early.
  // display 'flex': a slide is a column, and its widget takes the height left
  // under the title (slides.css), so it fits the slide whatever the language.
  function size() {
    var w = window.innerWidth, h = window.innerHeight;
    if (w >= 600 || w >= h) return { width: 1280, height: 720 };
    return { width: 420, height: Math.round(420 * h / w) };
  }
  var shape = size();
  Reveal.initialize({ hash: true, width: shape.width, height: shape.height, margin: 0.02, center: false,
    transition: 'slide', display: 'flex', scrollActivationWidth: null });
  window.addEventListener('resize', function () {
    var next = size();
    if (next.width !== shape.width || next.height !== shape.height) { shape = next; Reveal.configure(shape); }
  });
  Reveal.addKeyBinding({ keyCode: 76, key: 'L', description: 'English / 中文' }, toggle);
})();
