/*
 * tlswatch prevalence page: renders the report data (the JSON object of the analyzer's ReportJson)
 * into the tables and Chart.js charts of report.html. Shared by the replay report (data inlined in
 * the page) and the live dashboard (data from its server, fetched by dashboard.js). Every string from the data is put
 * in the page with textContent or drawn on a canvas: nothing is parsed as HTML.
 */
(function (global) {
  'use strict';

  var VERDICTS = ['intercepted', 'suspected', 'clean', 'not_observable'];
  var LABELS = { intercepted: 'Intercepted', suspected: 'Suspected', clean: 'Clean', not_observable: 'Not observable' };
  var COLORS = { intercepted: '#c62828', suspected: '#ef6c00', clean: '#2e7d32', not_observable: '#9e9e9e' };
  var TRANSPORTS = { tls13: 'TLS 1.3 over TCP', quic: 'QUIC', other: 'TLS 1.2 and older, or version unseen' };
  var NUMBER = new Intl.NumberFormat('en-US');
  var SUPPORTED_SCHEMA = 1;

  /** An integer as the replay's summary prints it: 1,234. */
  function count(n) {
    return NUMBER.format(n);
  }

  /**
   * part / whole as a percentage with one decimal, rounded half up from the shortest decimal form
   * of 100 * part / whole, as Java's %.1f (the replay's summary) rounds it.
   */
  function percent(part, whole) {
    if (!whole) {
      return '0.0%';
    }
    var digits = String(100 * part / whole);
    if (digits.indexOf('e') >= 0) {
      return (100 * part / whole).toFixed(1) + '%';
    }
    var dot = digits.indexOf('.');
    if (dot < 0) {
      return digits + '.0%';
    }
    var tenths = Number(digits.substring(0, dot + 2).replace('.', ''));
    if (dot + 2 < digits.length && digits.charAt(dot + 2) >= '5') {
      tenths += 1;
    }
    return Math.floor(tenths / 10) + '.' + (tenths % 10) + '%';
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) {
      e.className = className;
    }
    if (text !== undefined && text !== null) {
      e.textContent = String(text);
    }
    return e;
  }

  /**
   * Fills a table: columns are {title, numeric}; each row is {cells: [text...], attrs: {name: value}}.
   * A cell may be a DOM node instead of text.
   */
  function fillTable(table, columns, rows, emptyText) {
    table.textContent = '';
    var head = el('thead');
    var tr = el('tr');
    columns.forEach(function (c) {
      var th = el('th', c.numeric ? 'n' : (c.wire ? 'wire' : ''), c.title);
      th.setAttribute('scope', 'col');
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el('tbody');
    rows.forEach(function (row) {
      var r = el('tr');
      Object.keys(row.attrs || {}).forEach(function (name) {
        r.setAttribute(name, row.attrs[name]);
      });
      row.cells.forEach(function (cell, i) {
        var c = columns[i];
        var td = el('td', c.numeric ? 'n' : (c.wire ? 'wire' : ''));
        td.setAttribute('data-column', c.key);
        if (cell instanceof Node) {
          td.appendChild(cell);
        } else {
          td.textContent = cell === undefined || cell === null ? '' : String(cell);
        }
        r.appendChild(td);
      });
      body.appendChild(r);
    });
    if (rows.length === 0) {
      var none = el('tr');
      var td = el('td', 'hint', emptyText || 'none');
      td.colSpan = columns.length;
      none.appendChild(td);
      body.appendChild(none);
    }
    table.appendChild(body);
  }

  function verdictBadge(verdict) {
    return el('span', 'verdict ' + (VERDICTS.indexOf(verdict) >= 0 ? verdict : ''), LABELS[verdict] || verdict);
  }

  function sum(sessions) {
    return VERDICTS.reduce(function (n, v) { return n + (sessions[v] || 0); }, 0);
  }

  function rowsOf(data, scope) {
    return data.prevalence.rows.filter(function (r) { return r.scope === scope; });
  }

  function byId(id) {
    return document.getElementById(id);
  }

  var charts = [];

  function chart(id, config) {
    if (typeof global.Chart !== 'function') {
      return;
    }
    config.options = config.options || {};
    config.options.animation = false;
    config.options.responsive = true;
    config.options.maintainAspectRatio = false;
    charts.push(new global.Chart(byId(id), config));
  }

  function renderHeading(data) {
    byId('title').textContent = data.title || 'tlswatch';
    var about = [];
    if (data.sensor) {
      about.push('Sensor ' + data.sensor);
    }
    if (data.inputs && data.inputs.length) {
      about.push('from ' + data.inputs.join(', '));
    }
    var all = rowsOf(data, 'all')[0];
    if (all && all.first_seen) {
      about.push('sessions from ' + all.first_seen + ' to ' + all.last_seen);
    }
    byId('about').textContent = about.join(' \u00b7 ');
    document.title = (data.title || 'tlswatch') + ': prevalence of TLS interception';
  }

  function renderOverview(data) {
    var all = rowsOf(data, 'all')[0];
    var box = byId('overview');
    box.textContent = '';
    var cards = [{ key: 'all', label: 'Sessions', value: all.sessions, share: count(all.clients) + ' clients' }];
    rowsOf(data, 'verdict').forEach(function (r) {
      cards.push({ key: r.verdict, label: LABELS[r.verdict] || r.verdict, value: r.sessions,
        share: percent(r.sessions, all.sessions) + ' of sessions' });
    });
    cards.forEach(function (c) {
      var card = el('div', 'card ' + c.key);
      card.setAttribute('data-card', c.key);
      card.appendChild(el('div', 'label', c.label));
      var value = el('div', 'value', count(c.value));
      value.setAttribute('data-value', 'sessions');
      card.appendChild(value);
      card.appendChild(el('div', 'share', c.share));
      box.appendChild(card);
    });
  }

  function renderVerdicts(data) {
    var all = rowsOf(data, 'all')[0];
    var columns = [
      { key: 'verdict', title: 'Verdict' },
      { key: 'sessions', title: 'Sessions', numeric: true },
      { key: 'session_share', title: 'Share', numeric: true },
      { key: 'clients', title: 'Clients', numeric: true },
      { key: 'client_share', title: 'Share', numeric: true },
      { key: 'server_names', title: 'Server names', numeric: true },
      { key: 'server_name_share', title: 'Share', numeric: true }
    ];
    var rows = rowsOf(data, 'verdict').map(function (r) {
      return { attrs: { 'data-verdict': r.verdict }, cells: [verdictBadge(r.verdict), count(r.sessions),
        percent(r.sessions, all.sessions), count(r.clients), percent(r.clients, all.clients),
        count(r.server_names), percent(r.server_names, all.server_names)] };
    });
    rows.push({ attrs: { 'data-verdict': 'all' }, cells: ['All', count(all.sessions), '', count(all.clients), '',
      count(all.server_names), ''] });
    fillTable(byId('table-verdicts'), columns, rows);
    var verdictRows = rowsOf(data, 'verdict');
    chart('chart-verdicts', {
      type: 'doughnut',
      data: {
        labels: verdictRows.map(function (r) { return LABELS[r.verdict] || r.verdict; }),
        datasets: [{ data: verdictRows.map(function (r) { return r.sessions; }),
          backgroundColor: verdictRows.map(function (r) { return COLORS[r.verdict] || '#607d8b'; }) }]
      },
      options: { plugins: { legend: { position: 'right' } } }
    });
  }

  function shortLabel(text, max) {
    return text.length > max ? text.substring(0, max - 1) + '\u2026' : text;
  }

  function renderInterceptors(data) {
    var rows = rowsOf(data, 'interceptor');
    var columns = [
      { key: 'interceptor_class', title: 'Class' },
      { key: 'interceptor_name', title: 'Name', wire: true },
      { key: 'interceptor_id', title: 'Catalogue id', wire: true },
      { key: 'sessions', title: 'Sessions', numeric: true },
      { key: 'clients', title: 'Clients', numeric: true },
      { key: 'server_names', title: 'Sites', numeric: true },
      { key: 'first_seen', title: 'First seen' },
      { key: 'last_seen', title: 'Last seen' }
    ];
    fillTable(byId('table-interceptors'), columns, rows.map(function (r) {
      return { attrs: { 'data-interceptor': r.interceptor_id || r.interceptor_name }, cells: [r.interceptor_class,
        r.interceptor_name, r.interceptor_id || '', count(r.sessions), count(r.clients), count(r.server_names),
        r.first_seen, r.last_seen] };
    }), 'No interceptor was found.');
    var notShown = data.prevalence.interceptors_not_shown || 0;
    byId('interceptors-hint').textContent = notShown > 0 ? count(notShown) + ' more interceptors with '
      + count(data.prevalence.interceptor_sessions_not_shown) + ' sessions are in the CSV/JSON export.' : '';
    var top = rows.slice(0, 10);
    chart('chart-interceptors', {
      type: 'bar',
      data: {
        labels: top.map(function (r) { return shortLabel(r.interceptor_name, 48); }),
        datasets: [{ label: 'Sessions', data: top.map(function (r) { return r.sessions; }),
          backgroundColor: COLORS.intercepted }]
      },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } }
    });
  }

  function renderTop(tableId, hintId, block, keyTitle, what) {
    var columns = [
      { key: 'key', title: keyTitle, wire: true },
      { key: 'intercepted', title: 'Intercepted', numeric: true },
      { key: 'suspected', title: 'Suspected', numeric: true },
      { key: 'sessions', title: 'Sessions', numeric: true },
      { key: 'affected_share', title: 'Affected', numeric: true }
    ];
    fillTable(byId(tableId), columns, block.rows.map(function (r) {
      var total = sum(r.sessions);
      return { attrs: { 'data-key': r.key }, cells: [r.key, count(r.sessions.intercepted), count(r.sessions.suspected),
        count(total), percent(r.sessions.intercepted + r.sessions.suspected, total)] };
    }), 'No ' + what + ' with intercepted or suspected sessions.');
    var hints = [];
    if (block.keys_not_shown > 0) {
      hints.push(count(block.keys_not_shown) + ' more ' + what + ' with ' + count(block.affected_sessions_not_shown)
        + ' affected sessions not shown.');
    }
    if (block.untracked_sessions > 0) {
      hints.push(count(block.untracked_sessions) + ' sessions came after the bound of distinct ' + what
        + ' and were not ranked.');
    }
    byId(hintId).textContent = hints.join(' ');
  }

  function renderVisibility(data) {
    var all = rowsOf(data, 'all')[0];
    var columns = [
      { key: 'transport', title: 'Handshake' },
      { key: 'sessions', title: 'Sessions', numeric: true },
      { key: 'not_observable', title: 'Not observable', numeric: true },
      { key: 'not_observable_share', title: 'Of all sessions', numeric: true },
      { key: 'affected', title: 'Intercepted or suspected', numeric: true }
    ];
    fillTable(byId('table-visibility'), columns, data.visibility.map(function (t) {
      return { attrs: { 'data-transport': t.transport }, cells: [TRANSPORTS[t.transport] || t.transport,
        count(sum(t.sessions)), count(t.sessions.not_observable), percent(t.sessions.not_observable, all.sessions),
        count(t.sessions.intercepted + t.sessions.suspected)] };
    }));
    chart('chart-visibility', {
      type: 'bar',
      data: {
        labels: data.visibility.map(function (t) { return TRANSPORTS[t.transport] || t.transport; }),
        datasets: VERDICTS.map(function (v) {
          return { label: LABELS[v], backgroundColor: COLORS[v],
            data: data.visibility.map(function (t) { return t.sessions[v] || 0; }) };
        })
      },
      options: { scales: { x: { stacked: true, ticks: { autoSkip: false } }, y: { stacked: true } } }
    });
  }

  function timeLabel(iso, widthSeconds) {
    var text = iso.replace('T', ' ').replace('Z', '');
    return widthSeconds >= 86400 ? text.substring(0, 10) : text.substring(0, 19);
  }

  function renderTime(data) {
    var series = data.time_series;
    var buckets = series.buckets;
    var width = series.width_seconds;
    var hint = 'Buckets of ' + (width >= 3600 ? (width / 3600) + ' h' : width >= 60 ? (width / 60) + ' min' : width + ' s')
      + ' (UTC). Lines: share of sessions intercepted and of clients with an intercepted session.';
    if (series.dropped_sessions > 0) {
      hint += ' ' + count(series.dropped_sessions) + ' older sessions fell outside the span shown.';
    }
    byId('time-hint').textContent = hint;
    var datasets = VERDICTS.map(function (v) {
      return { type: 'bar', label: LABELS[v], backgroundColor: COLORS[v], stack: 'sessions', yAxisID: 'y',
        data: buckets.map(function (b) { return b.sessions[v] || 0; }) };
    });
    datasets.push({ type: 'line', label: 'Sessions intercepted (%)', borderColor: '#7b1fa2', backgroundColor: '#7b1fa2',
      yAxisID: 'share', pointRadius: buckets.length > 60 ? 0 : 2,
      data: buckets.map(function (b) {
        var total = sum(b.sessions);
        return total ? 100 * b.sessions.intercepted / total : 0;
      }) });
    datasets.push({ type: 'line', label: 'Clients intercepted (%)', borderColor: '#1565c0', backgroundColor: '#1565c0',
      borderDash: [4, 3], yAxisID: 'share', pointRadius: buckets.length > 60 ? 0 : 2,
      data: buckets.map(function (b) { return b.clients ? 100 * b.intercepted_clients / b.clients : 0; }) });
    chart('chart-time', {
      data: { labels: buckets.map(function (b) { return timeLabel(b.start, width); }), datasets: datasets },
      options: {
        scales: {
          x: { stacked: true },
          y: { stacked: true, title: { display: true, text: 'Sessions' } },
          share: { position: 'right', min: 0, max: 100, grid: { drawOnChartArea: false },
            title: { display: true, text: '%' } }
        }
      }
    });
  }

  function renderSessions(data) {
    var columns = [
      { key: 'time', title: 'Time (UTC)' },
      { key: 'client', title: 'Client', wire: true },
      { key: 'server_name', title: 'Server name', wire: true },
      { key: 'verdict', title: 'Verdict' },
      { key: 'interceptor', title: 'Interceptor', wire: true },
      { key: 'leaf_subject', title: 'Certificate subject', wire: true },
      { key: 'leaf_issuer', title: 'Issuer', wire: true },
      { key: 'rules', title: 'Rules that fired', wire: true }
    ];
    fillTable(byId('table-sessions'), columns, data.samples.sessions.map(function (s) {
      return { attrs: s.id ? { 'data-session-id': s.id } : {}, cells: [s.time.replace('T', ' ').replace('Z', ''), s.client, s.server_name || '', verdictBadge(s.verdict),
        s.interceptor ? s.interceptor.class + ': ' + s.interceptor.name : '', s.leaf_subject || '',
        s.leaf_issuer || '', (s.rules || []).join(', ')] };
    }), 'No intercepted or suspected session.');
    byId('sessions-hint').textContent = data.samples.not_shown > 0
      ? count(data.samples.not_shown) + ' earlier affected sessions are in the JSON documents of the replay.' : '';
  }

  /** Renders {@code data} into the page; returns the number of charts drawn. */
  function render(data) {
    charts.forEach(function (c) { c.destroy(); });
    charts = [];
    var problems = [];
    if (!data || data.schema !== SUPPORTED_SCHEMA) {
      problems.push('This page reads report data of schema ' + SUPPORTED_SCHEMA + ', not '
        + (data ? data.schema : 'none') + '.');
    } else {
      [renderHeading, renderOverview, renderTime, renderVerdicts, renderInterceptors, function (d) {
        renderTop('table-subnets', 'subnets-hint', d.subnets, 'Client subnet', 'subnets');
      }, function (d) {
        renderTop('table-server-names', 'server-names-hint', d.server_names, 'Server name', 'server names');
      }, renderVisibility, renderSessions].forEach(function (section) {
        try {
          section(data);
        } catch (e) {
          problems.push('A part of this page could not be drawn: ' + e);
        }
      });
    }
    var notice = byId('notice');
    notice.textContent = problems.join(' ');
    notice.hidden = problems.length === 0;
    global.TlswatchPrevalence.rendered = true;
    global.TlswatchPrevalence.problems = problems;
    return charts.length;
  }

  global.TlswatchPrevalence = { render: render, percent: percent, count: count, el: el, fillTable: fillTable,
    rendered: false, problems: [] };

  var inline = document.getElementById('report-data');
  if (inline) {
    render(JSON.parse(inline.textContent));
  }
})(window);
