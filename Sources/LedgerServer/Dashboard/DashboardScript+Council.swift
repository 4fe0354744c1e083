// The dashboard script is kept as Swift string literals so the ledger binary carries it
// (no bundle beside the binary, no build step). Served as one file: DashboardAssets.script.

extension DashboardScript {
    /// The council-year page.
    static let council = #"""
        // The four pages. Each takes the API's JSON and returns the nodes of <main>.
        var PAGES = (function () {
          'use strict';
          var t = D.t, el = D.el, format = D.format, figure = D.figure;
          var PROGRAMMES = ['apprenticeship', 'internship', 'employment', 'startup', 'skillsAward', 'socialInsurance'];
          var KINDS = ['government', 'park', 'association', 'enterprise', 'school', 'research'];
          var STAGES = ['budgetFen', 'appliedFen', 'approvedFen', 'paidFen', 'clawedBackFen'];
          var MONEY_METRICS = { techServiceValueFen: true };

          function kpiLabel(k) { return t('m_' + k.metric) + (k.memberId ? ' · ' + k.memberId : ''); }
          function kpiField(k) { return 'kpis.' + k.metric + (k.memberId ? '@' + k.memberId : ''); }
          function kpiKind(k) { return MONEY_METRICS[k.metric] ? 'money' : 'count'; }
          function attainment(k) { return k.target > 0 ? Math.round(k.actual / k.target * 100) + '%' : '\u2013'; }

          function kpiBlock(titleKey, kpis) {
            if (!kpis.length) return [el('h3', { text: t(titleKey) }), el('p', { 'class': 'empty', text: t('noData') })];
            var chart = D.barChart(t(titleKey), kpis.map(function (k) {
              var kind = kpiKind(k);
              return { label: kpiLabel(k), bars: [
                { value: k.target, cls: 's-target', text: t('target') + ' ' + format[kind](k.target) },
                { value: k.actual, cls: k.actual >= k.target ? 's-good' : 's-actual', text: t('actual') + ' ' + format[kind](k.actual) + ' (' + attainment(k) + ')' }
              ] };
            }), { scaleEach: true, legend: [{ cls: 's-target', label: t('target') }, { cls: 's-actual', label: t('actual') }, { cls: 's-good', label: t('attainment') + ' ≥ 100%' }] });
            var columns = [
              { label: t('metric'), kind: 'label', value: function (k) { return kpiLabel(k); } },
              { label: t('target'), kind: 'count', value: function (k) { return k.target; }, field: function (k) { return kpiField(k) + '.target'; } },
              { label: t('actual'), kind: 'count', value: function (k) { return k.actual; }, field: function (k) { return kpiField(k) + '.actual'; } }
            ];
            // Money KPIs keep their unit: one table per unit.
            var groups = [{ kind: 'count', rows: kpis.filter(function (k) { return kpiKind(k) === 'count'; }) },
                          { kind: 'money', rows: kpis.filter(function (k) { return kpiKind(k) === 'money'; }) }];
            var tables = groups.filter(function (g) { return g.rows.length; }).map(function (g) {
              var cols = columns.map(function (c) { return c.kind === 'label' ? c : Object.assign({}, c, { kind: g.kind }); });
              return D.table(t(titleKey), cols, g.rows);
            });
            return [el('h3', { text: t(titleKey) })].concat(D.chartWithTable(chart, el('div', null, tables)));
          }

          function council(data) {
            var kpis = data.kpis || [];
            var headline = D.cards([
              { label: t('membersTotal'), node: figure('count', data.members.total, 'members.total') },
              { label: t('m_enterprisesParticipating'), node: figure('count', data.enterprisesParticipating, 'enterprisesParticipating') },
              { label: t('m_apprenticesEnrolled'), node: figure('count', data.apprenticesEnrolled, 'apprenticesEnrolled') },
              { label: t('m_graduatesRetainedLocally'), node: figure('count', data.graduatesRetainedLocally, 'graduatesRetainedLocally') },
              { label: t('m_techServiceValueFen'), node: figure('money', data.techServiceValueFen, 'techServiceValueFen') }
            ]);

            var kpiSection = D.section('kpiHeading', null, kpiBlock('kpiConsortium', kpis.filter(function (k) { return !k.memberId; }))
              .concat(kpiBlock('kpiMember', kpis.filter(function (k) { return k.memberId; }))));

            var programmes = PROGRAMMES.filter(function (p) {
              var s = data.subsidies[p];
              return s && STAGES.some(function (stage) { return s[stage] !== 0; });
            });
            var legend = STAGES.map(function (stage, i) { return { cls: 's-' + i, label: t(stage) }; });
            var funnels = programmes.map(function (p) {
              var s = data.subsidies[p];
              return { label: t('p_' + p), bars: STAGES.map(function (stage, i) {
                return { value: s[stage], cls: 's-' + i, text: t(stage) + ' ' + format.money(s[stage]) };
              }) };
            });
            var subsidyColumns = [{ label: t('programme'), kind: 'label', value: function (p) { return t('p_' + p); } }].concat(STAGES.map(function (stage) {
              return { label: t(stage), kind: 'money', value: function (p) { return data.subsidies[p][stage]; }, field: function (p) { return 'subsidies.' + p + '.' + stage; } };
            }));
            var subsidySection = D.section('subsidyHeading', null, programmes.length ? D.chartWithTable(
              D.barChart(t('subsidyHeading'), funnels, { scaleEach: true, legend: legend }),
              D.table(t('subsidyHeading'), subsidyColumns, programmes)) : [el('p', { 'class': 'empty', text: t('noData') })]);

            var kindColumns = [
              { label: t('kind'), kind: 'label', value: function (k) { return t('k_' + k); } },
              { label: t('count'), kind: 'count', value: function (k) { return data.members.byKind[k] || 0; }, field: function (k) { return 'members.byKind.' + k; } }
            ];
            var membersSection = D.section('membersHeading', null, [D.cards([
              { label: t('membersTotal'), node: figure('count', data.members.total, 'members.total') },
              { label: t('membersActive'), node: figure('count', data.members.active, 'members.active') }
            ])].concat(D.chartWithTable(
              D.barChart(t('membersHeading'), KINDS.map(function (k) {
                var n = data.members.byKind[k] || 0;
                return { label: t('k_' + k), bars: [{ value: n, cls: 's-actual', text: format.count(n) }] };
              })),
              D.table(t('membersHeading'), kindColumns, KINDS))));

            var funnel = [['f_enrolled', 'apprenticesEnrolled'], ['f_graduated', 'apprenticesGraduated'], ['f_hired', 'graduatesHired'], ['f_retained', 'graduatesRetainedLocally']];
            var funnelSection = D.section('funnelHeading', null, D.chartWithTable(
              D.barChart(t('funnelHeading'), funnel.map(function (f) {
                return { label: t(f[0]), bars: [{ value: data[f[1]], cls: 's-actual', text: format.count(data[f[1]]) }] };
              })),
              D.table(t('funnelHeading'), [
                { label: t('stage'), kind: 'label', value: function (f) { return t(f[0]); } },
                { label: t('people'), kind: 'count', value: function (f) { return data[f[1]]; }, field: function (f) { return f[1]; } }
              ], funnel)));

            var others = [
              ['m_certifiedEnterprises', 'certifiedEnterprises', 'count'], ['m_trainingPersonTimes', 'trainingPersonTimes', 'count'],
              ['m_techServices', 'techServices', 'count'], ['m_techServiceValueFen', 'techServiceValueFen', 'money'],
              ['m_orderClassPlaces', 'orderClassPlaces', 'count'], ['m_orderClassFilled', 'orderClassFilled', 'count'],
              ['platformsTotal', 'platforms.total', 'count'], ['platformsAccepted', 'platforms.accepted', 'count']
            ];
            var otherRows = others.map(function (o) { return { label: t(o[0]), field: o[1], kind: o[2], value: D.get(data, o[1]) }; });
            otherRows.push({ label: t('inactiveCount'), field: 'inactiveMembers.length', kind: 'count', value: (data.inactiveMembers || []).length });
            var otherSection = D.section('otherHeading', null, [el('div', { 'class': 'table-wrap', tabindex: '0', role: 'region', 'aria-label': t('otherHeading') },
              el('table', null, [el('thead', null, el('tr', null, [el('th', { scope: 'col', text: t('figure') }), el('th', { scope: 'col', text: t('value') })])),
                el('tbody', null, otherRows.map(function (r) {
                  return el('tr', null, [el('th', { scope: 'row', text: r.label }), el('td', { 'class': 'num' }, figure(r.kind, r.value, r.field))]);
                }))]))]);

            funnelSection.classList.add('half');
            membersSection.classList.add('half');
            return [headline, kpiSection, subsidySection, funnelSection, membersSection, otherSection];
          }

          return { council: council, PROGRAMMES: PROGRAMMES };
        })();
        """#
}
