// claimscope index: filter and page the incidents table in the browser (no
// network, no library). Reads the rows' text; never writes markup. Without
// JavaScript every row simply shows.
(function () {
  var table = document.getElementById('cs-incidents');
  var box = document.getElementById('cs-controls');
  if (!table || !box || !table.tBodies.length) return;
  var rows = Array.prototype.slice.call(table.tBodies[0].rows);
  var texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
  var q = document.getElementById('cs-q');
  var status = document.getElementById('cs-status');
  var withPage = document.getElementById('cs-with-page');
  var count = document.getElementById('cs-count');
  var prev = document.getElementById('cs-prev');
  var next = document.getElementById('cs-next');
  var size = parseInt(table.getAttribute('data-page-size'), 10) || 100;
  var page = 0;
  var shown = [];

  function draw() {
    var pages = Math.max(1, Math.ceil(shown.length / size));
    if (page > pages - 1) page = pages - 1;
    if (page < 0) page = 0;
    var from = page * size;
    var to = Math.min(shown.length, from + size);
    rows.forEach(function (r) { r.hidden = true; });
    for (var i = from; i < to; i++) shown[i].hidden = false;
    var total = shown.length < rows.length ? ' (of ' + rows.length + ')' : '';
    count.textContent = shown.length
      ? 'incidents ' + (from + 1) + '–' + to + ' of ' + shown.length + total
      : 'no incident matches' + total;
    prev.hidden = next.hidden = pages < 2;
    prev.disabled = page === 0;
    next.disabled = page >= pages - 1;
  }

  function filter() {
    var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
    var want = status.value;
    var paged = withPage.checked;
    shown = rows.filter(function (r, i) {
      if (want && r.getAttribute('data-status') !== want) return false;
      if (paged && r.getAttribute('data-page') !== '1') return false;
      return words.every(function (w) { return texts[i].indexOf(w) >= 0; });
    });
    page = 0;
    draw();
  }

  q.addEventListener('input', filter);
  status.addEventListener('change', filter);
  withPage.addEventListener('change', filter);
  prev.addEventListener('click', function () { page -= 1; draw(); });
  next.addEventListener('click', function () { page += 1; draw(); });
  box.hidden = false;
  filter();
})();
