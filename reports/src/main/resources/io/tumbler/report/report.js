// Tumbler report: copy buttons and zoom/pan of the timelines. No network, no libraries.
(function () {
  'use strict';
  document.querySelectorAll('button[data-copy]').forEach(function (btn) {
    btn.addEventListener('click', function () {
      var text = document.getElementById(btn.getAttribute('data-copy')).textContent;
      var done = function () { btn.textContent = 'Copied'; setTimeout(function () { btn.textContent = 'Copy'; }, 1500); };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
      } else { fallbackCopy(text); done(); }
    });
  });
  function fallbackCopy(text) {
    var area = document.createElement('textarea');
    area.value = text; document.body.appendChild(area); area.select();
    try { document.execCommand('copy'); } catch (e) { /* the command stays selectable by hand */ }
    document.body.removeChild(area);
  }

  var zoomers = {};
  document.querySelectorAll('svg.timeline').forEach(function (svg) { zoomers[svg.id] = timeline(svg); });
  document.querySelectorAll('[data-zoom-to]').forEach(function (el) {
    el.addEventListener('click', function (ev) {
      var z = zoomers[el.getAttribute('data-zoom-to')];
      if (!z) { return; }
      ev.preventDefault();
      z.show(+el.getAttribute('data-from'), +el.getAttribute('data-to'));
      document.getElementById(el.getAttribute('data-zoom-to')).scrollIntoView({ block: 'center' });
    });
  });

  function timeline(svg) {
    var t0 = +svg.dataset.t0, t1 = +svg.dataset.t1, gutter = +svg.dataset.gutter, width = +svg.dataset.plotWidth;
    var zoom = svg.querySelector('g.zoom'), labels = svg.querySelectorAll('g.labels [data-x]:not(.tick)');
    var labelGroup = svg.querySelector('g.labels');
    var k = 1, tx = 0;
    var status = document.getElementById(svg.id + '-status');
    function clamp() { k = Math.max(1, Math.min(k, 20000)); tx = Math.min(0, Math.max(tx, width - width * k)); }
    function ticks() {
      labelGroup.querySelectorAll('.tick').forEach(function (t) { t.remove(); });
      var from = t0 + (-tx / k) / width * (t1 - t0), to = t0 + ((width - tx) / k) / width * (t1 - t0);
      var span = (to - from) / 1e9, raw = span / 10, p = Math.pow(10, Math.floor(Math.log10(raw)));
      var step = raw <= p ? p : raw <= 2 * p ? 2 * p : raw <= 5 * p ? 5 * p : 10 * p;
      var decimals = Math.max(0, Math.ceil(-Math.log10(step)));
      for (var s = Math.ceil(from / 1e9 / step) * step; s <= to / 1e9 + 1e-12; s += step) {
        var px = ((s * 1e9 - t0) / (t1 - t0)) * width * k + tx;
        var text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
        text.setAttribute('class', 'tick'); text.setAttribute('x', gutter + px); text.setAttribute('y', 12);
        text.textContent = s.toFixed(decimals) + ' s';
        labelGroup.appendChild(text);
      }
      if (status) { status.textContent = 'showing ' + (from / 1e9).toFixed(4) + ' s to ' + (to / 1e9).toFixed(4) + ' s (zoom ' + k.toFixed(1) + 'x)'; }
    }
    function apply() {
      clamp();
      zoom.setAttribute('transform', 'translate(' + (gutter + tx) + ',0) scale(' + k + ',1)');
      labels.forEach(function (l) { l.setAttribute('x', gutter + tx + k * +l.dataset.x); });
      ticks();
    }
    function plotX(clientX) {
      var r = svg.getBoundingClientRect(), vb = svg.viewBox.baseVal;
      return (clientX - r.left) * vb.width / r.width - gutter;
    }
    function zoomAt(px, factor) { var before = (px - tx) / k; k *= factor; clamp(); tx = px - before * k; apply(); }
    svg.addEventListener('wheel', function (ev) { ev.preventDefault(); zoomAt(plotX(ev.clientX), ev.deltaY < 0 ? 1.25 : 0.8); }, { passive: false });
    var drag = null, wrap = svg.parentNode;
    svg.addEventListener('pointerdown', function (ev) { drag = { x: plotX(ev.clientX), tx: tx }; wrap.classList.add('dragging'); });
    window.addEventListener('pointermove', function (ev) { if (drag) { tx = drag.tx + plotX(ev.clientX) - drag.x; apply(); } });
    window.addEventListener('pointerup', function () { drag = null; wrap.classList.remove('dragging'); });
    var api = {
      zoomIn: function () { zoomAt(width / 2, 1.6); },
      zoomOut: function () { zoomAt(width / 2, 1 / 1.6); },
      reset: function () { k = 1; tx = 0; apply(); },
      show: function (from, to) {
        var a = (from - t0) / (t1 - t0) * width, b = (to - t0) / (t1 - t0) * width;
        k = width / Math.max(b - a, 1e-3); tx = -a * k; apply();
      }
    };
    document.querySelectorAll('[data-timeline="' + svg.id + '"]').forEach(function (btn) {
      btn.addEventListener('click', function () { api[btn.dataset.action](); });
    });
    apply();
    svg.setAttribute('data-ready', 'true');
    return api;
  }
  document.body.setAttribute('data-scripts', 'ran');
})();
