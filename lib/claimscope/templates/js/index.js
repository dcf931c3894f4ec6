// claimscope index: sort, filter and page the incidents table in the browser (no
// network, no library). Reads the rows' text and reorders them; never writes markup. Without
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

  // sort by a column: click its heading (again to reverse); the order the
  // page came in (most conflicted first) is restored by sorting on Verdict
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells);
  var sortCol = -1, sortDir = 1;
  function key(r, c, kind) {
    var cell = r.cells[c];
    var v = cell.hasAttribute('data-v') ? cell.getAttribute('data-v') : cell.textContent;
    return kind === 'num' ? (parseFloat(v) || 0) : v.toLowerCase();
  }
  heads.forEach(function (th, c) {
    var kind = th.getAttribute('data-sort');
    if (!kind) return;
    th.style.cursor = 'pointer';
    th.title = 'sort';
    th.addEventListener('click', function () {
      sortDir = sortCol === c ? -sortDir : (kind === 'num' && c !== 0 ? -1 : 1);
      sortCol = c;
      var keyed = rows.map(function (r, i) { return [key(r, c, kind), i, r]; });
      keyed.sort(function (a, b) { return a[0] < b[0] ? -sortDir : a[0] > b[0] ? sortDir : a[1] - b[1]; });
      var body = table.tBodies[0];
      rows = keyed.map(function (k) { body.appendChild(k[2]); return k[2]; });
      texts = rows.map(function (r) { return r.textContent.toLowerCase(); });
      heads.forEach(function (h) { h.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', sortDir > 0 ? 'ascending' : 'descending');
      filter();
    });
  });

  q.addEventListener('input', filter);
  status.addEventListener('change', filter);
  withPage.addEventListener('change', filter);
  prev.addEventListener('click', function () { page -= 1; draw(); });
  next.addEventListener('click', function () { page += 1; draw(); });
  box.hidden = false;
  filter();
})();
