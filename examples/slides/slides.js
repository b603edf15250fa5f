// Starts reveal.js (a file: the page's Content-Security-Policy runs no inline script).
Reveal.initialize({ hash: true, width: 1280, height: 860, margin: 0.03 });
