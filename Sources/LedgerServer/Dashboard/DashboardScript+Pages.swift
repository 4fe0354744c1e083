// The dashboard script is kept as Swift string literals so the ledger binary carries it
// (no bundle beside the binary, no build step). Served as one file: DashboardAssets.script.

extension DashboardScript {
    /// The committee, projects and ledger-health pages.
    static let pages = #"""
        // Committee, projects and ledger health pages.
        (function () {
          'use strict';
          var t = D.t, el = D.el, format = D.format, figure = D.figure;

          // A table whose column headers are sort buttons (keyboard reachable) and whose rows can be
          // filtered; `visible(row)` decides which rows show, `onChange` reports the count shown.
          // `initialSort` (a column index) orders the rows descending before anyone clicks.
          function sortableTable(caption, columns, rows, rowAttrs, onChange, initialSort) {
            var sortIndex = initialSort === undefined ? -1 : initialSort, descending = sortIndex >= 0, visible = function () { return true; };
            var tbody = el('tbody');
            var headers = columns.map(function (c, i) {
              var button = el('button', { type: 'button', 'class': 'sort', title: t('sortBy', { col: c.label }), text: c.label,
                onclick: function () {
                  descending = sortIndex === i ? !descending : c.kind !== 'label';
                  sortIndex = i;
                  redraw();
                } });
              return el('th', { scope: 'col', 'aria-sort': 'none' }, button);
            });
            function redraw() {
              var shown = rows.filter(function (r) { return visible(r); });
              if (sortIndex >= 0) {
                var column = columns[sortIndex];
                shown.sort(function (a, b) {
                  var x = column.value(a), y = column.value(b);
                  if (x === null) x = -Infinity;
                  if (y === null) y = -Infinity;
                  var order = typeof x === 'string' ? x.localeCompare(y) : (x < y ? -1 : x > y ? 1 : 0);
                  return descending ? -order : order;
                });
                headers.forEach(function (th, i) { th.setAttribute('aria-sort', i === sortIndex ? (descending ? 'descending' : 'ascending') : 'none'); });
              }
              D.fillRows(tbody, columns, shown, rowAttrs);
              if (onChange) onChange(shown.length);
            }
            var node = el('div', { 'class': 'table-wrap', tabindex: '0', role: 'region', 'aria-label': caption }, [
              el('table', { 'class': 'sortable' }, [el('caption', { 'class': 'sr-only', text: caption }), el('thead', null, el('tr', null, headers)), tbody])
            ]);
            return { node: node, filter: function (f) { visible = f; redraw(); }, redraw: redraw };
          }

          function options(values) {
            return [el('option', { value: '', text: t('all') })].concat(values.map(function (v) { return el('option', { value: v, text: v }); }));
          }

          function distinct(rows, key) {
            var seen = {};
            rows.forEach(function (r) { seen[r[key]] = true; });
            return Object.keys(seen).sort();
          }

          PAGES.committee = function (rows) {
            var expiringCount = rows.filter(function (r) { return r.agreementsExpiringWithin90Days > 0; }).length;
            var status = el('p', { 'class': 'status', role: 'status' });
            var columns = [
              { label: t('school'), kind: 'label', value: function (r) { return r.schoolId; } },
              { label: t('enterprise'), kind: 'label', value: function (r) { return r.enterpriseId; } },
              { label: t('agreementsActive'), kind: 'count', value: function (r) { return r.agreementsActive; }, field: function () { return 'agreementsActive'; } },
              { label: t('expiring90'), kind: 'count', value: function (r) { return r.agreementsExpiringWithin90Days; }, field: function () { return 'agreementsExpiringWithin90Days'; },
                marker: function (r) { return r.agreementsExpiringWithin90Days > 0 ? el('span', { 'class': 'flag', 'aria-hidden': 'true', text: '\u26a0 ' }) : null; } },
              { label: t('classesCapacity'), kind: 'count', value: function (r) { return r.classes.capacity; }, field: function () { return 'classes.capacity'; } },
              { label: t('classesEnrolled'), kind: 'count', value: function (r) { return r.classes.enrolled; }, field: function () { return 'classes.enrolled'; } },
              { label: t('passRate'), kind: 'ratio', value: function (r) { return r.passRate; }, field: function () { return 'passRate'; } },
              { label: t('dualMentorCoverage'), kind: 'ratio', value: function (r) { return r.dualMentorCoverage; }, field: function () { return 'dualMentorCoverage'; } },
              { label: t('hires'), kind: 'count', value: function (r) { return r.hires; }, field: function () { return 'hires'; } },
              { label: t('hiresLocal'), kind: 'count', value: function (r) { return r.hiresLocal; }, field: function () { return 'hiresLocal'; } },
              { label: t('subsidiesPaidFen'), kind: 'money', value: function (r) { return r.subsidiesPaidFen; }, field: function () { return 'subsidiesPaidFen'; } }
            ];
            var grid = sortableTable(t('committeeHeading'), columns, rows, function (r) {
              return { 'data-key': r.schoolId + '|' + r.enterpriseId, 'class': r.agreementsExpiringWithin90Days > 0 ? 'expiring' : null };
            }, function (shown) { status.textContent = t('pairsShown', { shown: format.count(shown), total: format.count(rows.length) }); }, 3);
            var school = el('select', { id: 'f-school' }, options(distinct(rows, 'schoolId')));
            var enterprise = el('select', { id: 'f-enterprise' }, options(distinct(rows, 'enterpriseId')));
            var onlyExpiring = el('input', { type: 'checkbox', id: 'f-expiring' });
            function apply() {
              grid.filter(function (r) {
                return (!school.value || r.schoolId === school.value) && (!enterprise.value || r.enterpriseId === enterprise.value)
                  && (!onlyExpiring.checked || r.agreementsExpiringWithin90Days > 0);
              });
            }
            [school, enterprise, onlyExpiring].forEach(function (c) { c.addEventListener('change', apply); });
            var filters = el('div', { 'class': 'filters' }, [
              el('label', { 'for': 'f-school' }, [t('filterSchool'), ' ', school]),
              el('label', { 'for': 'f-enterprise' }, [t('filterEnterprise'), ' ', enterprise]),
              el('label', { 'for': 'f-expiring', 'class': 'check' }, [onlyExpiring, ' ', t('onlyExpiring')])
            ]);
            apply();
            return [
              D.cards([{ label: t('pairs'), node: figure('count', rows.length, 'length') },
                       { label: t('pairsWithExpiring'), node: el('span', { 'class': 'fig', text: format.count(expiringCount) }), warn: expiringCount > 0 }]),
              D.section('committeeHeading', null, [filters, el('p', { 'class': 'legend-note' }, [el('span', { 'class': 'expiring-swatch', 'aria-hidden': 'true' }), t('expiringLegend')]), status, grid.node])
            ];
          };

          PAGES.projects = function (rows) {
            var overdue = rows.filter(function (r) { return r.milestones.overdue > 0; }).length;
            var top = rows.slice().sort(function (a, b) { return b.budgetFen - a.budgetFen; }).slice(0, 12);
            var chart = D.barChart(t('projectsChart', { n: top.length }), top.map(function (r) {
              return { label: r.projectId + ' ' + r.title, bars: [
                { value: r.budgetFen, cls: 's-target', text: t('budget') + ' ' + format.money(r.budgetFen) },
                { value: r.contributionsFen, cls: 's-actual', text: t('contributions') + ' ' + format.money(r.contributionsFen) }
              ] };
            }), { legend: [{ cls: 's-target', label: t('budget') }, { cls: 's-actual', label: t('contributions') }] });
            var chartColumns = [
              { label: t('project'), kind: 'label', value: function (r) { return r.projectId + ' ' + r.title; } },
              { label: t('budget'), kind: 'money', value: function (r) { return r.budgetFen; }, field: function () { return 'budgetFen'; } },
              { label: t('contributions'), kind: 'money', value: function (r) { return r.contributionsFen; }, field: function () { return 'contributionsFen'; } }
            ];
            var columns = [
              { label: t('project'), kind: 'label', value: function (r) { return r.projectId; } },
              { label: t('titleCol'), kind: 'label', value: function (r) { return r.title; } },
              { label: t('platform'), kind: 'label', value: function (r) { return r.platformId || '\u2013'; } },
              { label: t('planned'), kind: 'count', value: function (r) { return r.milestones.planned; }, field: function () { return 'milestones.planned'; } },
              { label: t('reached'), kind: 'count', value: function (r) { return r.milestones.reached; }, field: function () { return 'milestones.reached'; } },
              { label: t('overdue'), kind: 'count', value: function (r) { return r.milestones.overdue; }, field: function () { return 'milestones.overdue'; },
                marker: function (r) { return r.milestones.overdue > 0 ? el('span', { 'class': 'flag', 'aria-hidden': 'true', text: '\u26a0 ' }) : null; } },
              { label: t('budget'), kind: 'money', value: function (r) { return r.budgetFen; }, field: function () { return 'budgetFen'; } },
              { label: t('contributions'), kind: 'money', value: function (r) { return r.contributionsFen; }, field: function () { return 'contributionsFen'; } },
              { label: t('spent'), kind: 'money', value: function (r) { return r.spentFen; }, field: function () { return 'spentFen'; } },
              { label: t('accepted'), kind: 'flag', value: function (r) { return r.accepted; }, field: function () { return 'accepted'; } },
              { label: t('closed'), kind: 'flag', value: function (r) { return r.closed; }, field: function () { return 'closed'; } }
            ];
            var rowKey = function (r) { return { 'data-key': r.projectId, 'class': r.milestones.overdue > 0 ? 'expiring' : null }; };
            var grid = sortableTable(t('projectsHeading'), columns, rows, rowKey, null, 5);
            grid.redraw();
            return [
              D.cards([{ label: t('projectsCount'), node: figure('count', rows.length, 'length') },
                       { label: t('projectsOverdue'), node: el('span', { 'class': 'fig', text: format.count(overdue) }), warn: overdue > 0 }]),
              D.section('projectsChart', { n: top.length }, top.length ? D.chartWithTable(chart, D.table(t('projectsChart', { n: top.length }), chartColumns, top,
                function (r) { return { 'data-key': r.projectId }; })) : [el('p', { 'class': 'empty', text: t('noData') })], 'projects-chart'),
              D.section('projectsHeading', null, [grid.node])
            ];
          };

          function pairs(list) {
            return el('div', { 'class': 'table-wrap', tabindex: '0', role: 'region' }, el('table', null, el('tbody', null, list.map(function (p) {
              return el('tr', null, [el('th', { scope: 'row', text: t(p[0]) }), el('td', { 'class': p[2] ? 'num' : 'mono' }, p[1])]);
            }))));
          }

          PAGES.health = function (h) {
            var cp = h.lastCheckpoint, audit = h.lastAudit;
            var witnesses = cp ? cp.signers.filter(function (s) { return !s.ledger; }).length : 0;
            var auditNode = audit ? el('span', { 'class': 'fig ' + (audit.passed ? 'ok' : 'bad'), 'data-field': 'lastAudit.passed', 'data-kind': 'audit',
              text: audit.passed ? t('auditPassed') : t('auditFailed') }) : el('span', { text: t('noAudit') });
            var sections = [
              el('p', { 'class': 'note', text: t('healthCurrent') }),
              D.cards([
                { label: t('events'), node: figure('count', h.events, 'events') },
                { label: t('witnessCount'), node: el('span', { 'class': 'fig', text: format.count(witnesses) }) },
                { label: t('auditHeading'), node: auditNode, warn: !audit || !audit.passed }
              ]),
              D.section('ledgerHeading', null, [pairs([
                ['ledgerId', figure('text', h.ledgerId, 'ledgerId')],
                ['firstOccurred', el('span', { 'data-field': 'firstOccurredAt', 'data-kind': 'date', text: format.date(h.firstOccurredAt) })],
                ['lastOccurred', el('span', { 'data-field': 'lastOccurredAt', 'data-kind': 'date', text: format.date(h.lastOccurredAt) })],
                ['checkpointsStored', figure('count', h.checkpoints, 'checkpoints'), true]
              ])], 'ledger')
            ];
            if (cp) {
              sections.push(D.section('checkpointHeading', null, [pairs([
                ['origin', figure('text', cp.origin, 'lastCheckpoint.origin')],
                ['treeSize', figure('count', cp.size, 'lastCheckpoint.size'), true],
                ['rootHash', figure('text', cp.rootHash, 'lastCheckpoint.rootHash')]
              ]), el('h3', { text: t('signers') }), D.table(t('signers'), [
                { label: t('signerName'), kind: 'label', value: function (s) { return s.name; } },
                { label: t('keyId'), kind: 'label', value: function (s) { return s.keyId; } },
                { label: t('signerRole'), kind: 'label', value: function (s) { return s.ledger ? t('ledgerKey') : t('witness'); } }
              ], cp.signers)]));
            } else {
              sections.push(D.section('checkpointHeading', null, [el('p', { 'class': 'empty', text: t('noCheckpoint') })]));
            }
            if (audit) {
              var list = [['auditResult', auditNode.cloneNode(true)], ['auditAt', el('span', { text: format.dateTime(audit.finishedAt) })],
                ['auditEvents', figure('count', audit.events, 'lastAudit.events'), true], ['auditSeconds', el('span', { text: audit.seconds.toFixed(2) }), true]];
              if (audit.firstFailure) list.push(['auditFailure', figure('text', (audit.firstFailure.sequence ? '#' + audit.firstFailure.sequence + ' ' : '') + audit.firstFailure.check + ': ' + audit.firstFailure.reason, null)]);
              sections.push(D.section('auditHeading', null, [pairs(list)]));
            } else {
              sections.push(D.section('auditHeading', null, [el('p', { 'class': 'empty', text: t('noAudit') })]));
            }
            return sections;
          };
        })();
        """#
}
