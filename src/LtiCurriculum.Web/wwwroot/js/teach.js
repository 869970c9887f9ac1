// Class readiness: "Refresh" reloads the page and puts the instructor back where they were reading.
(function () {
  var key = 'lticurriculum.dashboard.scroll';
  try {
    var saved = sessionStorage.getItem(key);
    if (saved !== null) {
      sessionStorage.removeItem(key);
      window.scrollTo(0, parseInt(saved, 10) || 0);
    }
    document.querySelectorAll('a[data-keep-place]').forEach(function (link) {
      link.addEventListener('click', function () { sessionStorage.setItem(key, String(window.scrollY)); });
    });
  } catch (e) { /* storage blocked in a third-party frame: the refresh still works, from the top */ }
})();
