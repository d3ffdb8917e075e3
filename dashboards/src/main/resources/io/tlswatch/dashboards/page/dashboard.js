/*
 * tlswatch live dashboard: fetches the page data from the server's /api/report with the filter of
 * the page's URL (from, to, sensor, subnet, interceptor, server_name), renders it with TlswatchPrevalence (prevalence.js),
 * and adds what only the live page has: the filter form, sessions per sensor, capture losses from
 * the stats documents, and the drill-down: an interceptor, server name or subnet narrows the page
 * to its sessions, and a session opens with its certificates (?session=ID). The
 * URL holds all the state, so a link shows the same view. Every string from the server is put in
 * the page with textContent or an attribute value: nothing is parsed as HTML.
 */
(function (global) {
  'use strict';

  var FILTERS = ['from', 'to', 'sensor', 'subnet', 'interceptor', 'server_name'];
  var FILTER_LABELS = { from: 'From', to: 'To', sensor: 'Sensor', subnet: 'Client subnet', interceptor: 'Interceptor',
    server_name: 'Server name' };
  var P = global.TlswatchPrevalence;
  var state = { loaded: false, details: null, error: null };
  global.TlswatchDashboard = state;

  function byId(id) {
    return document.getElementById(id);
  }

  var el = P.el;

  function params() {
    return new URLSearchParams(global.location.search);
  }

  /** A link to this page with the current state changed: {name: value} sets, {name: null} removes. */
  function link(text, changes) {
    var q = params();
    Object.keys(changes).forEach(function (k) {
      if (changes[k] === null) {
        q.delete(k);
      } else {
        q.set(k, changes[k]);
      }
    });
    var a = el('a', null, text);
    a.setAttribute('href', '?' + q.toString());
    return a;
  }

  function filterQuery() {
    var p = params();
    var q = new URLSearchParams();
    FILTERS.forEach(function (k) {
      if (p.get(k)) {
        q.set(k, p.get(k));
      }
    });
    return q.toString();
  }

  function notice(text) {
    var n = byId('notice');
    n.textContent = text;
    n.hidden = !text;
  }

  /** A new section {@code id} placed after the element {@code after}. */
  function section(id, title, after) {
    var s = el('section');
    s.id = id;
    s.appendChild(el('h2', null, title));
    after.parentNode.insertBefore(s, after.nextSibling);
    return s;
  }

  function buildFilterForm() {
    var form = el('form', 'filters');
    form.id = 'filters';
    var p = params();
    var hints = { from: '2024-05-01T00:00:00Z', to: 'exclusive, UTC', sensor: 'observer.name', subnet: '192.0.2.0/24',
      interceptor: 'name, exactly', server_name: 'exactly' };
    FILTERS.forEach(function (name) {
      var label = el('label', null, FILTER_LABELS[name]);
      var input = el('input');
      input.name = name;
      input.id = 'filter-' + name;
      input.value = p.get(name) || '';
      input.placeholder = hints[name];
      label.appendChild(input);
      form.appendChild(label);
    });
    var apply = el('button', null, 'Apply');
    apply.type = 'submit';
    form.appendChild(apply);
    var clear = el('a', null, 'Clear filters');
    clear.setAttribute('href', '?');
    form.appendChild(clear);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var q = new URLSearchParams();
      FILTERS.forEach(function (name) {
        var v = form.elements[name].value;
        v = name === 'interceptor' || name === 'server_name' ? v : v.trim();
        if (v) {
          q.set(name, v);
        }
      });
      global.location.search = q.toString();
    });
    byId('about').parentNode.appendChild(form);
  }

  function share(part, whole) {
    return P.percent(part, whole);
  }

  function total(sessions) {
    return ['intercepted', 'suspected', 'clean', 'not_observable'].reduce(function (n, v) {
      return n + (sessions[v] || 0);
    }, 0);
  }

  function table(parent, id, columns, rows, emptyText) {
    var t = el('table', 'numbers');
    t.id = id;
    parent.appendChild(t);
    P.fillTable(t, columns, rows, emptyText);
  }

  function renderSensors(data) {
    var live = data.live;
    var s = section('sensors', 'Prevalence per sensor', byId('overview'));
    s.appendChild(el('p', 'hint', 'Share of sessions intercepted and of distinct clients with an intercepted session, '
      + 'per sensor, in the table and over time (solid: sessions, dashed: clients; a gap is a bucket without '
      + 'sessions). Choose a sensor to see only its own.'));
    table(s, 'table-sensors', [
      { key: 'sensor', title: 'Sensor', wire: true },
      { key: 'sessions', title: 'Sessions', numeric: true },
      { key: 'intercepted', title: 'Intercepted', numeric: true },
      { key: 'session_share', title: 'Of sessions', numeric: true },
      { key: 'clients', title: 'Clients', numeric: true },
      { key: 'intercepted_clients', title: 'Intercepted clients', numeric: true },
      { key: 'client_share', title: 'Of clients', numeric: true }
    ], live.sensors.map(function (r) {
      var n = total(r.sessions);
      return { attrs: { 'data-sensor': r.sensor }, cells: [link(r.sensor, { sensor: r.sensor, session: null }), P.count(n),
        P.count(r.sessions.intercepted), share(r.sessions.intercepted, n), P.count(r.clients),
        P.count(r.intercepted_clients), share(r.intercepted_clients, r.clients)] };
    }), 'No session in this range.');
    renderSensorSeries(s, live.sensor_series, data.time_series);
  }

  var SENSOR_COLORS = ['#1565c0', '#c62828', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#4e342e', '#ad1457',
    '#558b2f', '#37474f'];

  /** Per sensor over time: the share of sessions intercepted (solid) and of clients (dashed). */
  function renderSensorSeries(parent, series, timeSeries) {
    if (!series.length || typeof global.Chart !== 'function') {
      return;
    }
    var box = el('div', 'chart wide');
    var canvas = el('canvas');
    canvas.id = 'chart-sensors';
    canvas.setAttribute('role', 'img');
    canvas.setAttribute('aria-label', 'Share of sessions and of clients intercepted per sensor over time');
    box.appendChild(canvas);
    parent.appendChild(box);
    var datasets = [];
    series.forEach(function (line, i) {
      var color = SENSOR_COLORS[i % SENSOR_COLORS.length];
      datasets.push({ label: line.sensor + ': sessions (%)', borderColor: color, backgroundColor: color, pointRadius: 0,
        spanGaps: false, data: line.points.map(function (p) { return p.sessions ? 100 * p.intercepted / p.sessions : null; }) });
      datasets.push({ label: line.sensor + ': clients (%)', borderColor: color, backgroundColor: color, pointRadius: 0,
        borderDash: [4, 3], spanGaps: false,
        data: line.points.map(function (p) { return p.clients ? 100 * p.intercepted_clients / p.clients : null; }) });
    });
    new global.Chart(canvas, {
      type: 'line',
      data: { labels: timeSeries.buckets.map(function (b) { return b.start.replace('T', ' ').replace('Z', ''); }),
        datasets: datasets },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { y: { min: 0, max: 100, title: { display: true, text: '% intercepted' } } } }
    });
  }

  function renderCapture(live) {
    var visibility = byId('table-visibility').closest('section');
    var s = section('capture', 'Capture losses', visibility);
    s.appendChild(el('p', 'hint', 'Packets the sensors received and lost (kernel, interface and tlswatch\'s own drops) '
      + 'from their stats documents: a low interception rate where much was lost means the monitor was blind, '
      + 'not that nothing happened.'));
    table(s, 'table-capture', [
      { key: 'sensor', title: 'Sensor', wire: true },
      { key: 'interface', title: 'Interface', wire: true },
      { key: 'received', title: 'Received', numeric: true },
      { key: 'lost', title: 'Lost', numeric: true },
      { key: 'lost_share', title: 'Lost share', numeric: true },
      { key: 'first', title: 'First report' },
      { key: 'last', title: 'Last report' }
    ], live.capture.map(function (c) {
      return { attrs: { 'data-sensor': c.sensor, 'data-interface': c.interface }, cells: [c.sensor, c.interface,
        P.count(c.received), P.count(c.lost), share(c.lost, c.received + c.lost), c.first, c.last] };
    }), 'No capture statistics in this range (replays publish none; live captures do).');
  }

  /** Makes the cells of {@code column} in {@code tableId} links that narrow the page to their value. */
  function linkCells(tableId, column, parameter) {
    document.querySelectorAll('#' + tableId + ' td[data-column=' + column + ']').forEach(function (cell) {
      var value = cell.textContent;
      if (!value) {
        return;
      }
      var changes = { session: null };
      changes[parameter] = value;
      cell.textContent = '';
      cell.appendChild(link(value, changes));
    });
  }

  function linkSessions() {
    document.querySelectorAll('#table-sessions tr[data-session-id]').forEach(function (tr) {
      var cell = tr.querySelector('td');
      var a = link(cell.textContent, { session: tr.getAttribute('data-session-id') });
      cell.textContent = '';
      cell.appendChild(a);
    });
    byId('sessions-hint').textContent = 'Choose a time to see the session, the rules that fired and its certificates.';
  }

  function get(object, path) {
    return path.split('.').reduce(function (o, k) {
      return o === undefined || o === null ? undefined : o[k];
    }, object);
  }

  function list(entries) {
    var dl = el('dl', 'details');
    entries.forEach(function (e) {
      if (e[1] === undefined || e[1] === null || e[1] === '') {
        return;
      }
      var dt = el('dt', null, e[0]);
      var dd = el('dd', null, Array.isArray(e[1]) ? e[1].join(', ') : (typeof e[1] === 'object' ? JSON.stringify(e[1]) : e[1]));
      dd.setAttribute('data-field', e[0]);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    return dl;
  }

  function renderDetails(details) {
    var s = byId('details') || section('details', '', byId('table-sessions').closest('section'));
    s.textContent = '';
    var doc = details.session;
    s.appendChild(el('h2', null, 'Session ' + details.id));
    s.appendChild(link('Close', { session: null }));
    var who = get(doc, 'tlswatch.interceptor');
    s.appendChild(list([
      ['Time', doc['@timestamp']],
      ['Sensor', get(doc, 'observer.name')],
      ['Client', get(doc, 'source.ip') + ' port ' + get(doc, 'source.port')],
      ['Server', get(doc, 'destination.ip') + ' port ' + get(doc, 'destination.port')],
      ['Server name', get(doc, 'tls.client.server_name')],
      ['TLS version', get(doc, 'tls.version')],
      ['Cipher', get(doc, 'tls.cipher')],
      ['Verdict', get(doc, 'tlswatch.verdict')],
      ['Interceptor', who ? who['class'] + ': ' + who.name + (who.id ? ' (' + who.id + ')' : '') : ''],
      ['Rules that fired', get(doc, 'tlswatch.rules')],
      ['Client accepted', get(doc, 'tlswatch.client_accepted')],
      ['Chain trusted', get(doc, 'tlswatch.chain.trusted')],
      ['Chain failures', get(doc, 'tlswatch.chain.failures')],
      ['JA4', get(doc, 'tls.client.ja4')],
      ['JA3', get(doc, 'tls.client.ja3')],
      ['Community ID', get(doc, 'network.community_id')]
    ]));
    var evidence = get(doc, 'tlswatch.evidence') || [];
    if (evidence.length) {
      s.appendChild(el('h3', null, 'Evidence'));
      table(s, 'table-evidence', [
        { key: 'rule', title: 'Rule', wire: true }, { key: 'strength', title: 'Strength' },
        { key: 'facts', title: 'Facts', wire: true }
      ], evidence.map(function (e) {
        var facts = e.facts || {};
        return { cells: [e.rule, e.strength, Object.keys(facts).map(function (k) { return k + '=' + facts[k]; }).join('; ')] };
      }), '');
    }
    s.appendChild(el('h3', null, 'Certificate chain, leaf first'));
    if (!details.chain.length) {
      s.appendChild(el('p', 'hint', 'No certificate was seen (TLS 1.3 and QUIC encrypt it).'));
    }
    details.chain.forEach(function (c, i) {
      var box = el('div', 'certificate');
      box.setAttribute('data-certificate', c.sha256);
      box.appendChild(el('h4', null, (i === 0 ? 'Leaf' : 'Certificate ' + (i + 1))));
      var x = c.certificate || {};
      box.appendChild(list([
        ['Subject', get(x, 'x509.subject.distinguished_name')],
        ['Issuer', get(x, 'x509.issuer.distinguished_name')],
        ['Not before', get(x, 'x509.not_before')],
        ['Not after', get(x, 'x509.not_after')],
        ['Serial number', get(x, 'x509.serial_number')],
        ['Public key', get(x, 'x509.public_key_algorithm')],
        ['SHA-256', c.sha256],
        ['SHA-1', get(x, 'hash.sha1')],
        ['SPKI SHA-256', get(x, 'tlswatch.x509.spki_sha256')],
        ['Self-signed', get(x, 'tlswatch.x509.self_signed')],
        ['In the certificate index', c.found ? 'yes' : 'no']
      ]));
      s.appendChild(box);
    });
    s.scrollIntoView();
  }

  function fetchJson(path) {
    return global.fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        return r.json().catch(function () { return {}; }).then(function (body) {
          if (!r.ok) {
            throw new Error(body.error || ('the server answered ' + r.status));
          }
          return body;
        });
      });
  }

  function openSession(id) {
    return fetchJson('api/session?id=' + encodeURIComponent(id)).then(function (details) {
      state.details = details;
      renderDetails(details);
    });
  }

  function load() {
    buildFilterForm();
    document.querySelector('footer').textContent = 'Live from Elasticsearch through this server; the page loads '
      + 'nothing else. The filter and the open session are in the address: links keep them.';
    fetchJson('api/report?' + filterQuery()).then(function (data) {
      P.render(data);
      renderSensors(data);
      renderCapture(data.live);
      linkSessions();
      linkCells('table-interceptors', 'interceptor_name', 'interceptor');
      linkCells('table-server-names', 'key', 'server_name');
      linkCells('table-subnets', 'key', 'subnet');
      var session = params().get('session');
      return session ? openSession(session) : null;
    }).then(function () {
      state.loaded = true;
    }).catch(function (e) {
      state.error = String(e.message || e);
      notice('The dashboard could not load its data: ' + state.error);
      state.loaded = true;
    });
  }

  load();
})(window);
