// The dashboard script is kept as Swift string literals so the ledger binary carries it
// (no bundle beside the binary, no build step). Served as one file: DashboardAssets.script.

extension DashboardScript {
    /// Formats, DOM and SVG builders, the API call, tables and bar charts.
    static let core = #"""
        // Shared helpers: labels, number and date formats, DOM and SVG builders, the API, tables, charts.
        // Figures are rendered from the API's JSON only; money arrives in fen and is formatted with
        // integer arithmetic so the page shows exactly what the API (and `ledger query`) answers.
        var D = (function () {
          'use strict';
          var body = document.body;
          var lang = body.getAttribute('data-lang') === 'en' ? 'en' : 'zh';
          var L = LABELS[lang];

          function t(key, vars) {
            var text = L[key];
            if (text === undefined) {
              console.error('dashboard: missing label ' + lang + '.' + key);
              return '\u27e6' + key + '\u27e7';
            }
            if (vars) {
              text = text.replace(/\{(\w+)\}/g, function (_, name) { return vars[name] === undefined ? '' : String(vars[name]); });
            }
            return text;
          }

          function el(tag, attrs, children) {
            var node = document.createElement(tag);
            setAttrs(node, attrs);
            append(node, children);
            return node;
          }

          var SVGNS = 'http://www.w3.org/2000/svg';
          function svg(tag, attrs, children) {
            var node = document.createElementNS(SVGNS, tag);
            setAttrs(node, attrs);
            append(node, children);
            return node;
          }

          function setAttrs(node, attrs) {
            if (!attrs) return;
            Object.keys(attrs).forEach(function (name) {
              var value = attrs[name];
              if (value === null || value === undefined || value === false) return;
              if (name === 'text') node.textContent = value;
              else if (name.slice(0, 2) === 'on') node.addEventListener(name.slice(2), value);
              else node.setAttribute(name, value === true ? '' : String(value));
            });
          }

          function append(node, children) {
            if (children === null || children === undefined) return;
            if (!Array.isArray(children)) children = [children];
            children.forEach(function (child) {
              if (child === null || child === undefined || child === false) return;
              node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
            });
          }

          function groupDigits(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ','); }

          var format = {
            count: function (n) { return (n < 0 ? '-' : '') + groupDigits(String(Math.abs(n))); },
            // Fen to yuan without floating point: ¥1,234,567.89.
            money: function (fen) {
              var magnitude = Math.abs(fen), cents = magnitude % 100;
              return (fen < 0 ? '-' : '') + '\u00a5' + groupDigits(String((magnitude - cents) / 100)) + '.' + (cents < 10 ? '0' : '') + cents;
            },
            // A share 0…1 as a percentage with one decimal, as `ledger query` tables print it; null is "–".
            ratio: function (r) {
              if (r === null || r === undefined) return '\u2013';
              var tenths = Math.round(r * 1000);
              return Math.floor(tenths / 10) + '.' + (tenths % 10) + '%';
            },
            flag: function (b) { return b ? t('yes') : t('no'); },
            text: function (s) { return s === null || s === undefined || s === '' ? '\u2013' : String(s); },
            date: function (iso) {
              var m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
              if (!m) return '\u2013';
              var y = +m[1], mo = +m[2], d = +m[3];
              if (lang === 'zh') return y + '年' + mo + '月' + d + '日';
              return d + ' ' + ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][mo - 1] + ' ' + y;
            },
            dateTime: function (iso) {
              var m = /T(\d{2}):(\d{2})/.exec(iso || '');
              return format.date(iso) + (m ? ' ' + m[1] + ':' + m[2] + ' UTC' : '');
            }
          };

          // One figure: the text a reader sees, tagged with the API field it shows so the browser test
          // can compare it with the JSON.
          function figure(kind, value, field, tag) {
            return el(tag || 'span', { 'class': 'fig', 'data-field': field, 'data-kind': kind, text: format[kind](value) });
          }

          function get(object, path) {
            return path.split('.').reduce(function (o, key) { return o === null || o === undefined ? undefined : o[key]; }, object);
          }

          function api(path) {
            return fetch(path, { credentials: 'same-origin', headers: { Accept: 'application/json' } }).then(function (response) {
              if (response.ok) return response.json();
              return response.json().catch(function () { return {}; }).then(function (problem) {
                throw new Error(problem.detail || problem.title || String(response.status));
              });
            });
          }

          // The state every page shares: language, page, as-of date, year; kept in the URL.
          var params = new URLSearchParams(location.search);
          var state = {
            lang: lang,
            page: body.getAttribute('data-page') || 'council',
            asOf: /^\d{4}-\d{2}-\d{2}$/.test(params.get('asOf') || '') ? params.get('asOf') : '',
            year: /^\d{4}$/.test(params.get('year') || '') ? +params.get('year') : null,
            me: null
          };

          function href(page, overrides) {
            var o = Object.assign({ lang: state.lang, asOf: state.asOf, year: state.year }, overrides || {});
            var query = new URLSearchParams();
            if (o.lang === 'en') query.set('lang', 'en');
            if (o.asOf) query.set('asOf', o.asOf);
            if (o.year && page === 'council') query.set('year', o.year);
            var q = query.toString();
            return (page === 'council' ? '/' : '/dashboard/' + page) + (q ? '?' + q : '');
          }

          function withAsOf(path) {
            if (!state.asOf) return path;
            return path + (path.indexOf('?') < 0 ? '?' : '&') + 'asOf=' + encodeURIComponent(state.asOf);
          }

          function section(titleKey, titleVars, children, id) {
            var headingId = 'h-' + (id || titleKey);
            return el('section', { 'class': 'card', 'aria-labelledby': headingId }, [
              el('h2', { id: headingId, text: t(titleKey, titleVars) })
            ].concat(children));
          }

          // A table; columns are {label, kind, field(row) → API path, value(row)}.
          function table(caption, columns, rows, rowAttrs) {
            var head = el('tr', null, columns.map(function (c) { return el('th', { scope: 'col', text: c.label }); }));
            var tbody = el('tbody');
            fillRows(tbody, columns, rows, rowAttrs);
            return el('div', { 'class': 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, [
              el('table', null, [el('caption', { 'class': 'sr-only', text: caption }), el('thead', null, head), tbody])
            ]);
          }

          function fillRows(tbody, columns, rows, rowAttrs) {
            var fragment = document.createDocumentFragment();
            rows.forEach(function (row) {
              var tr = el('tr', rowAttrs ? rowAttrs(row) : null);
              columns.forEach(function (c, i) {
                var value = c.value(row);
                var cell;
                if (c.kind === 'label') cell = el(i === 0 ? 'th' : 'td', i === 0 ? { scope: 'row' } : null, c.render ? c.render(row) : String(value));
                else cell = el('td', { 'class': 'num' }, [c.marker ? c.marker(row) : null, figure(c.kind, value, c.field ? c.field(row) : null)]);
                tr.appendChild(cell);
              });
              fragment.appendChild(tr);
            });
            tbody.textContent = '';
            tbody.appendChild(fragment);
          }

          // Horizontal bars: each item is {label, bars: [{value, cls, text}]}; the scale is per item
          // (scaleEach) or shared. Labels stay HTML so they keep their size on a phone.
          function barChart(label, items, options) {
            options = options || {};
            var shared = 0;
            items.forEach(function (item) { item.bars.forEach(function (b) { shared = Math.max(shared, b.value); }); });
            var rows = items.map(function (item) {
              var max = options.scaleEach ? Math.max.apply(null, item.bars.map(function (b) { return b.value; })) : shared;
              var bars = item.bars.map(function (b, i) {
                var width = max > 0 ? Math.max(0, b.value) / max * 100 : 0;
                return svg('rect', { x: 0, y: i * 12, width: width.toFixed(2), height: 10, 'class': b.cls });
              });
              var texts = item.bars.map(function (b) { return el('span', { 'class': 'bar-value ' + b.cls, text: b.text }); });
              return el('div', { 'class': 'bar-row' }, [
                el('span', { 'class': 'bar-label', text: item.label }),
                svg('svg', { viewBox: '0 0 100 ' + (item.bars.length * 12 - 2), height: item.bars.length * 12 - 2, preserveAspectRatio: 'none', 'aria-hidden': 'true', focusable: 'false' }, bars),
                el('span', { 'class': 'bar-values' }, texts)
              ]);
            });
            var legend = options.legend ? el('ul', { 'class': 'legend' }, options.legend.map(function (entry) {
              return el('li', null, [svg('svg', { viewBox: '0 0 10 10', 'aria-hidden': 'true', 'class': 'swatch' }, svg('rect', { width: 10, height: 10, 'class': entry.cls })), entry.label]);
            })) : null;
            return el('figure', { 'class': 'chart', role: 'img', 'aria-label': label }, [legend].concat(rows));
          }

          // A chart with its table alternative right under it.
          function chartWithTable(chart, tableNode) {
            return [chart, el('details', { 'class': 'table-alt' }, [el('summary', { text: t('tableAlt') }), tableNode])];
          }

          function cards(items) {
            return el('dl', { 'class': 'cards' }, items.map(function (item) {
              return el('div', { 'class': 'kpi-card' + (item.warn ? ' warn' : '') }, [el('dt', { text: item.label }), el('dd', null, item.node)]);
            }));
          }

          return {
            t: t, el: el, svg: svg, format: format, figure: figure, get: get, api: api, state: state, href: href,
            withAsOf: withAsOf, section: section, table: table, fillRows: fillRows, barChart: barChart,
            chartWithTable: chartWithTable, cards: cards
          };
        })();
        """#
}
