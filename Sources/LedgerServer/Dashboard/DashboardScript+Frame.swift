// The dashboard script is kept as Swift string literals so the ledger binary carries it
// (no bundle beside the binary, no build step). Served as one file: DashboardAssets.script.

extension DashboardScript {
    /// Header, navigation, log-in, the as-of picker and page loading.
    static let frame = #"""
        // The frame around the pages: header, navigation, log-in, the as-of picker, and loading a page.
        (function () {
          'use strict';
          var t = D.t, el = D.el, state = D.state;
          var NAV = [['council', 'navCouncil'], ['committee', 'navCommittee'], ['projects', 'navProjects'], ['health', 'navHealth']];
          var main = document.getElementById('main');
          var renders = 0;

          document.documentElement.lang = state.lang === 'en' ? 'en' : 'zh-CN';
          document.title = t('title');

          function header() {
            var me = state.me;
            var nav = me ? el('nav', { 'aria-label': t('title') }, el('ul', null, NAV.filter(function (n) { return me.pages.indexOf(n[0]) >= 0; }).map(function (n) {
              return el('li', null, el('a', { href: D.href(n[0]), 'aria-current': n[0] === state.page ? 'page' : null, text: t(n[1]) }));
            }))) : null;
            var other = state.lang === 'en' ? 'zh' : 'en';
            var tools = el('div', { 'class': 'tools' }, [
              el('a', { href: D.href(state.page, { lang: other }), lang: other === 'en' ? 'en' : 'zh-CN', hreflang: other === 'en' ? 'en' : 'zh-CN', text: t('langSwitch') }),
              me ? el('span', { 'class': 'who', text: t('signedInAs', { member: me.member, role: t('role_' + me.role) }) }) : null,
              me ? el('button', { type: 'button', id: 'logout', text: t('logout'), onclick: logout }) : null
            ]);
            var bar = document.getElementById('top');
            bar.textContent = '';
            bar.appendChild(el('a', { 'class': 'skip', href: '#main', text: t('skip') }));
            bar.appendChild(el('div', { 'class': 'brand' }, [el('span', { 'class': 'title', text: t('title') }), tools]));
            if (nav) bar.appendChild(nav);
          }

          function asOfForm() {
            var input = el('input', { type: 'date', id: 'as-of', name: 'asOf', value: state.asOf, min: '1990-01-01', max: '2100-12-31' });
            var controls = [el('label', { 'for': 'as-of', text: t('asOf') }), input, el('button', { type: 'submit', id: 'as-of-apply', text: t('apply') }),
              el('button', { type: 'button', id: 'as-of-latest', text: t('latest'), onclick: function () { go({ asOf: '' }); } })];
            if (state.page === 'council' && state.me && state.me.years) {
              var years = [];
              for (var y = state.me.years[1]; y >= state.me.years[0]; y--) years.push(y);
              var select = el('select', { id: 'year', name: 'year' }, years.map(function (y) {
                return el('option', { value: y, selected: y === state.year ? true : null, text: String(y) });
              }));
              select.addEventListener('change', function () { go({ year: +select.value }); });
              controls = [el('label', { 'for': 'year', text: t('year') }), select].concat(controls);
            }
            return el('form', { 'class': 'as-of', role: 'search', onsubmit: function (e) { e.preventDefault(); go({ asOf: input.value }); } }, controls);
          }

          // Changes the as-of date or year and redraws the page in place (the URL keeps the choice).
          function go(change) {
            if (change.asOf !== undefined) {
              state.asOf = change.asOf;
              if (change.asOf && state.page === 'council') state.year = null;
            }
            if (change.year !== undefined) state.year = change.year;
            history.replaceState(null, '', D.href(state.page));
            header();
            load();
          }

          function logout() {
            fetch('/v1/session/end', { method: 'POST', credentials: 'same-origin' })
              .then(function (response) { return response.text(); })
              .then(function () { state.me = null; login(); });
          }

          function login(message) {
            header();
            var token = el('input', { type: 'password', id: 'token', name: 'token', autocomplete: 'off', required: true, 'aria-describedby': 'login-help' });
            var error = el('p', { 'class': 'error', role: 'alert', text: message || '' });
            var form = el('form', { 'class': 'login card', onsubmit: function (e) {
              e.preventDefault();
              fetch('/v1/session', { method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token: token.value }) })
                .then(function (r) {
                  // Read the answer's body to its end: a response left half-read stays open, and
                  // the browser aborts it when the member moves to another page.
                  if (r.ok) return r.text().then(start);
                  return r.json().catch(function () { return {}; }).then(function (p) { error.textContent = t('loginFailed', { detail: p.detail || r.status }); });
                });
            } }, [
              el('h1', { text: t('loginTitle') }), el('p', { id: 'login-help', text: t('loginHelp') }),
              el('label', { 'for': 'token', text: t('loginToken') }), token,
              el('button', { type: 'submit', id: 'login-button', text: t('loginButton') }), error
            ]);
            main.textContent = '';
            main.appendChild(form);
            body().setAttribute('data-state', 'login');
            token.focus();
          }

          function body() { return document.body; }

          function pagePath() {
            switch (state.page) {
              case 'committee': return '/v1/committee';
              case 'projects': return '/v1/projects';
              case 'health': return '/v1/health';
              default: return '/v1/council?year=' + state.year;
            }
          }

          function heading() {
            var key = { council: 'councilHeading', committee: 'committeeHeading', projects: 'projectsHeading', health: 'healthHeading' }[state.page];
            var text = t(key, { year: state.year });
            var asOfLabel = state.page === 'health' ? null
              : el('p', { 'class': 'as-of-label', text: state.asOf ? t('asOfShown', { date: D.format.date(state.asOf) }) : t('asOfNow') });
            return el('div', { 'class': 'page-head' }, [el('h1', { text: text }), asOfLabel]);
          }

          function load() {
            if (state.page === 'council' && !state.year) {
              var years = state.me.years || [new Date().getUTCFullYear(), new Date().getUTCFullYear()];
              var wanted = state.asOf ? +state.asOf.slice(0, 4) : years[1];
              state.year = Math.min(Math.max(wanted, years[0]), years[1]);
            }
            body().setAttribute('data-state', 'loading');
            var path = state.page === 'health' ? pagePath() : D.withAsOf(pagePath());
            var scoped = state.me.role === 'member' && (state.page === 'committee' || state.page === 'projects');
            main.textContent = '';
            main.appendChild(heading());
            // Health is always the ledger now (its note says so): no date to pick there.
            if (state.page !== 'health') main.appendChild(asOfForm());
            var holder = el('div', { 'class': 'page', 'aria-busy': 'true' }, el('p', { 'class': 'loading', text: t('loading') }));
            main.appendChild(holder);
            var started = performance.now();
            D.api(path).then(function (data) {
              holder.textContent = '';
              if (scoped) holder.appendChild(el('p', { 'class': 'note', text: t('ownRowsOnly', { member: state.me.member }) }));
              PAGES[state.page](data).forEach(function (node) { holder.appendChild(node); });
              holder.removeAttribute('aria-busy');
              renders += 1;
              body().setAttribute('data-rendered', String(renders));
              body().setAttribute('data-api', path);
              body().setAttribute('data-state', 'ready');
              body().setAttribute('data-render-ms', (performance.now() - started).toFixed(1));
              performance.mark('dashboard-rendered-' + renders);
            }).catch(function (error) {
              holder.textContent = '';
              holder.appendChild(el('p', { 'class': 'error', role: 'alert', text: t('loadFailed', { detail: error.message }) }));
              body().setAttribute('data-state', 'error');
              console.error('dashboard: ' + path + ': ' + error.message);
            });
          }

          function start() {
            D.api('/v1/session').then(function (me) {
              if (!me.authenticated) { login(); return; }
              state.me = me;
              if (me.pages.indexOf(state.page) < 0) state.page = me.pages[0];
              header();
              load();
            }).catch(function (error) { login(error.message); });
          }

          start();
        })();
        """#
}
