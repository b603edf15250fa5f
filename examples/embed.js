// The page script of embed.html, in its own file: the page's
// Content-Security-Policy runs no inline script.
// Every widget fires `change` with its full state.
var gabor = document.querySelector('simcore-gabor');
var out = document.getElementById('state');
out.textContent = JSON.stringify(gabor.state);
gabor.addEventListener('change', function (e) { out.textContent = JSON.stringify(e.detail); });
