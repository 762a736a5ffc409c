// itucal: progressive enhancement for the pages. Every page works without this script; it
// only adds what depends on the viewer (their time zone, today's date) and conveniences
// (copy button, live subscribe builder). Its texts come from the page (data-t-* on <body>).
(function () {
  'use strict';
  var body = document.body;
  function t(name) { return body.dataset['t' + name] || ''; }

  // Today's date (YYYY-MM-DD) in an IANA zone.
  function todayIn(tz) {
    try {
      return new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' })
        .format(new Date());
    } catch (e) {
      return new Date().toISOString().slice(0, 10);
    }
  }
  function dayNumber(iso) {
    var p = iso.split('-');
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000;
  }

  // Deadlines: days left, counted in the deadline's own zone (a Geneva date ends at midnight
  // in Geneva, wherever the viewer is).
  document.querySelectorAll('[data-deadline]').forEach(function (el) {
    var left = dayNumber(el.dataset.deadline) - dayNumber(todayIn(el.dataset.tz || 'Europe/Zurich'));
    var text;
    if (left < 0) { text = t('Passed'); el.classList.add('passed'); }
    else if (left === 0) { text = t('DueToday'); }
    else {
      // the page carries a template per plural category of its language (CLDR, as the server's)
      var category = new Intl.PluralRules(document.documentElement.lang).select(left);
      var name = 'DaysLeft' + category.charAt(0).toUpperCase() + category.slice(1);
      text = (t(name) || t('DaysLeftOther')).replace('{n}', String(left));
    }
    el.textContent = text;
  });

  // Event times also in the viewer's zone, when it differs from the meeting's.
  var viewer = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The time plan's day tables (table.plan) carry the same data-start/data-end on each slot.
  document.querySelectorAll('table.events, table.plan').forEach(function (table) {
    if (!viewer || viewer === table.dataset.tz) return;
    var lang = document.documentElement.lang;
    var opts = { timeZone: viewer, weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' };
    var full = new Intl.DateTimeFormat(lang, opts);
    var time = new Intl.DateTimeFormat(lang, { timeZone: viewer, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    var day = function (d) { return d.toLocaleDateString('en-CA', { timeZone: viewer }); };
    var label = t('ColLocal') + ' (' + viewer + ')';
    var head = table.querySelector('th.local');
    if (head) { head.textContent = label; head.hidden = false; }
    table.querySelectorAll('td.local, span.local').forEach(function (cell) {
      cell.hidden = false;
      cell.dataset.label = label;
      if (!cell.dataset.start) return;
      var s = new Date(cell.dataset.start), e = new Date(cell.dataset.end);
      // the page's own way of writing a span (in Arabic من … إلى …, each part isolated)
      var text = (t('TimeRange') || '{start}–{end}')
        .replace('{start}', full.format(s))
        .replace('{end}', day(s) === day(e) ? time.format(e) : full.format(e));
      cell.textContent = '';
      var el = document.createElement('time');
      el.dateTime = cell.dataset.start;
      el.textContent = text;
      cell.appendChild(el);
    });
  });

  // Home page: the server lists meetings most recent first (its output must not depend on the
  // date); here they are regrouped into upcoming (soonest first) and past (most recent first).
  var list = document.getElementById('meetings');
  if (list) {
    var today = todayIn('Europe/Zurich');
    var items = Array.prototype.slice.call(list.children);
    var upcoming = items.filter(function (li) { return (li.dataset.last || '') >= today; })
      .sort(function (a, b) { return (a.dataset.first || '').localeCompare(b.dataset.first || ''); });
    var past = items.filter(function (li) { return (li.dataset.last || '') < today; });
    var frag = document.createDocumentFragment();
    [['upcoming', t('Upcoming'), upcoming], ['past', t('Past'), past]].forEach(function (g) {
      if (!g[2].length) return;
      var h = document.createElement('h3');
      h.id = 'meetings-' + g[0] + '-h';
      h.textContent = g[1];
      var ul = document.createElement('ul');
      ul.className = 'meetings';
      ul.id = 'meetings-' + g[0];
      ul.setAttribute('aria-labelledby', h.id);
      g[2].forEach(function (li) { ul.appendChild(li); });
      frag.appendChild(h);
      frag.appendChild(ul);
    });
    list.replaceWith(frag);
  }

  // Copy buttons: copy the value of the input they name.
  document.addEventListener('click', function (ev) {
    var button = ev.target.closest && ev.target.closest('[data-copy]');
    if (!button) return;
    var input = document.getElementById(button.dataset.copy);
    var status = button.closest('.copy').querySelector('[data-copy-status]');
    var say = function (text) { if (status) status.textContent = text; };
    var fallback = function () {
      input.focus();
      input.select();
      var ok = false;
      try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
      say(ok ? t('Copied') : t('CopyFailed'));
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(input.value).then(function () { say(t('Copied')); }, fallback);
    } else {
      fallback();
    }
  });

  // Subscribe builder: on every change, fetch this page for the new choice and swap in the
  // parts marked data-swap, so that links are only ever built by the server. A change of
  // language loads the page in that language.
  var form = document.getElementById('builder');
  if (form && window.fetch && window.DOMParser) {
    var status = form.querySelector('.builder-status');
    var checked = function (name) {
      return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'),
        function (i) { return i.value; });
    };
    var urlOf = function () {
      var lang = checked('lang')[0] || 'en', kinds = checked('kind'), groups = checked('group'), q = [];
      if (lang !== 'en') q.push('lang=' + lang);
      if (kinds.length) q.push('kind=' + kinds.join(','));
      if (groups.length) q.push('group=' + groups.join(','));
      if (checked('cancelled').length) q.push('cancelled=hide');
      return form.action.split('?')[0] + (q.length ? '?' + q.join('&') : '');
    };
    var pending = 0;
    var update = function (reload) {
      var url = urlOf();
      if (reload) { window.location.assign(url); return; }
      var n = ++pending;
      fetch(url, { headers: { Accept: 'text/html' } })
        .then(function (r) { return r.ok ? r.text() : Promise.reject(new Error(String(r.status))); })
        .then(function (html) {
          if (n !== pending) return;
          var doc = new DOMParser().parseFromString(html, 'text/html');
          document.querySelectorAll('[data-swap]').forEach(function (el) {
            var fresh = doc.getElementById(el.id);
            if (fresh) el.replaceWith(document.importNode(fresh, true));
          });
          document.title = doc.title;
          history.replaceState(null, '', url);
          status.textContent = t('LinksUpdated');
        })
        .catch(function () { window.location.assign(url); });
    };
    var langNow = function () { return checked('lang')[0] || 'en'; };
    var pageLang = langNow();
    form.addEventListener('change', function (ev) { update(ev.target.name === 'lang' && langNow() !== pageLang); });
    form.addEventListener('submit', function (ev) { ev.preventDefault(); update(langNow() !== pageLang); });
  }
})();
