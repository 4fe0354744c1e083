#!/usr/bin/env python3
"""Browser test of the council dashboard (`ledger serve --http`): headless Chromium from Debian,
driven by Playwright (its own browser downloads are never used).

It logs in with a token, opens every page in Chinese and English, reads each figure from the DOM
and compares it with the API's JSON for the same query, changes the as-of date, sorts and filters
the committee table, checks a member token sees only its own rows, walks the page with the
keyboard, checks phone width, saves screenshots, and prints the council page's weight and time
to first render. Any JavaScript error, console error, failed request, HTTP error or missing label
fails the run. Run it through run.sh, which builds and starts a ledger server.
"""
import argparse
import json
import math
import os
import re
import statistics
import sys
import time
import urllib.request

from playwright.sync_api import sync_playwright

PAGES = ["council", "committee", "projects", "health"]
# Labels that must appear on each page (besides every figure): a page that lost one fails.
REQUIRED = {
    ("council", "zh"): ["理事会年度", "KPI 目标与实际", "补贴资金流向（按项目）", "学徒培养漏斗", "成员构成", "截至日期", "联合体整体指标"],
    ("council", "en"): ["Council year", "KPI targets vs actuals", "Subsidy funnel by programme", "Apprentice funnel", "Members by kind", "As of", "Consortium-wide KPIs"],
    ("committee", "zh"): ["校企合作对", "按学校筛选", "按企业筛选", "考核通过率", "双导师覆盖率", "90 天内到期"],
    ("committee", "en"): ["School–enterprise pairs", "Filter by school", "Filter by enterprise", "Pass rate", "Dual-mentor coverage", "Expiring ≤ 90 days"],
    ("projects", "zh"): ["项目与里程碑", "计划里程碑", "逾期", "预算", "各方投入"],
    ("projects", "en"): ["Projects and milestones", "Milestones planned", "Overdue", "Budget", "Contributions"],
    ("health", "zh"): ["账本健康", "事件总数", "最新签名检查点", "最近一次审计", "签名方"],
    ("health", "en"): ["Ledger health", "Events", "Latest signed checkpoint", "Last audit", "Signers"],
}
CJK = re.compile(r"[\u3400-\u9fff\uff00-\uffef]")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


class Failures:
    def __init__(self):
        self.items = []

    def add(self, message):
        self.items.append(message)
        print("FAIL:", message, flush=True)

    def check(self, condition, message):
        if not condition:
            self.add(message)
        return condition


def api(base, path, token):
    request = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token, "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read().decode("utf-8"))


# The page's formats, re-derived here from the API's values.
def group(digits):
    return re.sub(r"\B(?=(\d{3})+(?!\d))", ",", digits)


def fmt(kind, value, lang):
    if kind == "count":
        return ("-" if value < 0 else "") + group(str(abs(value)))
    if kind == "money":
        magnitude = abs(value)
        return ("-" if value < 0 else "") + "¥" + group(str(magnitude // 100)) + "." + "%02d" % (magnitude % 100)
    if kind == "ratio":
        if value is None:
            return "–"
        tenths = math.floor(value * 1000 + 0.5)
        return "%d.%d%%" % (tenths // 10, tenths % 10)
    if kind == "flag":
        return {"zh": ("是", "否"), "en": ("yes", "no")}[lang][0 if value else 1]
    if kind == "date":
        if not value:
            return "–"
        y, m, d = (int(x) for x in value[:10].split("-"))
        return "%d年%d月%d日" % (y, m, d) if lang == "zh" else "%d %s %d" % (d, MONTHS[m - 1], y)
    if kind == "text":
        return "–" if value in (None, "") else str(value)
    if kind == "audit":
        return {"zh": ("通过", "未通过"), "en": ("passed", "FAILED")}[lang][0 if value else 1]
    raise ValueError(kind)


def resolve(data, field):
    """The API value a data-field names: dotted paths, `length`, and kpis.<metric>[@member].<x>."""
    if field == "length":
        return len(data)
    match = re.match(r"^kpis\.([A-Za-z]+)(?:@([^.]+))?\.(target|actual)$", field)
    if match:
        metric, member, which = match.groups()
        found = [k for k in data["kpis"] if k["metric"] == metric and k.get("memberId") == member]
        if len(found) != 1:
            raise KeyError(field)
        return found[0][which]
    value = data
    for part in field.split("."):
        value = len(value) if part == "length" else value[part]
    return value


def compare_figures(page, data, lang, where, failures, row_key=None):
    """Every [data-field] in the page against the API JSON; returns how many were compared."""
    figures = page.evaluate("""() => Array.from(document.querySelectorAll('#main [data-field]')).map(e => {
        const row = e.closest('[data-key]');
        return {field: e.dataset.field, kind: e.dataset.kind, text: e.textContent, key: row ? row.dataset.key : null};
    })""")
    rows = None
    if row_key is not None:
        rows = {row_key(r): r for r in data}
    compared = 0
    for f in figures:
        try:
            if rows is not None and f["key"] is not None:
                value = resolve(rows[f["key"]], f["field"])
            else:
                value = resolve(data, f["field"])
        except (KeyError, TypeError, IndexError):
            failures.add("%s: the page shows %s=%r (row %s) which the API does not answer" % (where, f["field"], f["text"], f["key"]))
            continue
        expected = fmt(f["kind"], value, lang)
        failures.check(f["text"] == expected, "%s: %s (row %s) shows %r, the API says %r → %r" % (where, f["field"], f["key"], f["text"], value, expected))
        compared += 1
    return compared


def wait_ready(page, previous_renders=0):
    page.wait_for_function(
        "n => document.body.dataset.state === 'ready' && +(document.body.dataset.rendered || 0) > n || document.body.dataset.state === 'error'",
        arg=previous_renders, timeout=120_000)
    return page.evaluate("() => document.body.dataset.state")


def url(base, page, lang, as_of=None):
    path = "/" if page == "council" else "/dashboard/" + page
    query = []
    if lang == "en":
        query.append("lang=en")
    if as_of:
        query.append("asOf=" + as_of)
    return base + path + ("?" + "&".join(query) if query else "")


def expected_api_path(page_name, year, as_of):
    path = {"council": "/v1/council?year=%d" % year, "committee": "/v1/committee", "projects": "/v1/projects", "health": "/v1/health"}[page_name]
    if as_of and page_name != "health":
        path += ("&" if "?" in path else "?") + "asOf=" + as_of
    return path


def request_failed(request, failures, label):
    # net::ERR_ABORTED is the browser cancelling a request itself, as it does for the requests of
    # a document it is leaving when the test navigates; no server answer produces it (a reset or
    # an empty answer has its own error). A request the page needed and lost still fails the run:
    # the page then logs a console error and shows its error state.
    if request.failure == "net::ERR_ABORTED":
        print("note: %s: the browser aborted %s %s" % (label(), request.method, request.url), flush=True)
        return
    failures.add("%s: request failed: %s %s" % (label(), request.url, request.failure))


def watch(page, failures, label):
    page.on("console", lambda m: m.type == "error" and failures.add("%s: console error: %s" % (label(), m.text)))
    page.on("pageerror", lambda e: failures.add("%s: JavaScript error: %s" % (label(), e)))
    page.on("requestfailed", lambda r: request_failed(r, failures, label))
    page.on("response", lambda r: r.status >= 400 and failures.add("%s: HTTP %d for %s" % (label(), r.status, r.url)))


def log_in(page, base, token, failures, where):
    page.goto(base + "/")
    page.wait_for_selector("#token", timeout=30_000)
    failures.check(page.evaluate("() => document.body.dataset.state") == "login", where + ": the log-in form is shown first")
    page.fill("#token", token)
    page.click("#login-button")
    wait_ready(page)


def check_labels(page, page_name, lang, failures, where):
    text = page.evaluate("() => document.body.innerText")
    failures.check("⟦" not in text, where + ": a label is missing (⟦key⟧ on the page)")
    for label in REQUIRED[(page_name, lang)]:
        failures.check(label in text, "%s: label %r not on the page" % (where, label))
    html_lang = page.evaluate("() => document.documentElement.lang")
    failures.check(html_lang == ("en" if lang == "en" else "zh-CN"), "%s: <html lang> is %r" % (where, html_lang))
    if lang == "en" and page_name in ("council", "health"):
        # Every English label is English: the only Chinese allowed is the switch back to 中文.
        leftovers = [line for line in text.splitlines() if CJK.search(line) and line.strip() != "中文"]
        failures.check(not leftovers, "%s: Chinese text on the English page: %r" % (where, leftovers[:3]))
    if lang == "zh":
        failures.check(CJK.search(text) is not None, where + ": no Chinese on the Chinese page")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", required=True)
    # Tokens come from the environment, not the command line (which any user can list with ps).
    parser.add_argument("--token-env", default="DASHBOARD_COUNCIL_TOKEN", help="variable holding a council-role token")
    parser.add_argument("--member-token-env", default="DASHBOARD_MEMBER_TOKEN", help="variable holding a member-role token (a school)")
    parser.add_argument("--member", required=True)
    parser.add_argument("--shots", required=True)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    parser.add_argument("--runs", type=int, default=5, help="fresh loads measured for page weight and render time")
    args = parser.parse_args()
    args.token = os.environ.get(args.token_env, "")
    args.member_token = os.environ.get(args.member_token_env, "")
    if not args.token or not args.member_token:
        parser.error("set %s and %s to a council and a member token" % (args.token_env, args.member_token_env))
    os.makedirs(args.shots, exist_ok=True)
    failures = Failures()
    base = args.base.rstrip("/")
    session = api(base, "/v1/session", args.token)
    first_year, last_year = session["years"]
    where = {"now": "start"}

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=args.chromium, headless=True, args=["--no-sandbox", "--disable-gpu"])
        # A council member's browser is Chinese (the date picker follows the browser's locale).
        context = browser.new_context(viewport={"width": 1366, "height": 768}, device_scale_factor=1, locale="zh-CN")
        page = context.new_page()
        watch(page, failures, lambda: where["now"])
        where["now"] = "log-in"
        log_in(page, base, args.token, failures, "log-in")
        cookies = [c for c in context.cookies() if c["name"] == "ledger_session"]
        failures.check(len(cookies) == 1 and cookies[0]["httpOnly"] and cookies[0]["sameSite"] == "Strict",
                       "log-in: the session cookie is HttpOnly and SameSite=Strict (%r)" % [(c["httpOnly"], c["sameSite"]) for c in cookies])
        failures.check(page.evaluate("() => document.cookie").find("ledger_session") < 0, "log-in: the script cannot read the session cookie")

        keyed = {"committee": lambda r: r["schoolId"] + "|" + r["enterpriseId"], "projects": lambda r: r["projectId"]}
        for lang in ("zh", "en"):
            for name in PAGES:
                where["now"] = "%s/%s" % (name, lang)
                page.set_viewport_size({"width": 1366, "height": 768})
                page.goto(url(base, name, lang))
                failures.check(wait_ready(page) == "ready", where["now"] + ": the page rendered")
                api_path = page.evaluate("() => document.body.dataset.api")
                failures.check(api_path == expected_api_path(name, last_year, None), "%s: asked %s" % (where["now"], api_path))
                data = api(base, api_path, args.token)
                count = compare_figures(page, data, lang, where["now"], failures, keyed.get(name))
                if name in keyed:
                    shown = page.evaluate("() => document.querySelectorAll('table.sortable tbody tr').length")
                    failures.check(shown == len(data), "%s: %d rows shown, the API answers %d" % (where["now"], shown, len(data)))
                failures.check(count > 0, where["now"] + ": no figure compared")
                check_labels(page, name, lang, failures, where["now"])
                page.screenshot(path=os.path.join(args.shots, "%s-%s-1366x768.png" % (name, lang)))
                page.set_viewport_size({"width": 390, "height": 844})
                page.wait_for_timeout(100)
                overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth")
                failures.check(overflow <= 0, "%s: %d px wider than a phone (390 px)" % (where["now"], overflow))
                page.screenshot(path=os.path.join(args.shots, "%s-%s-phone.png" % (name, lang)))
                print("ok %-16s %5d figures equal to %s" % (where["now"], count, api_path), flush=True)

        # As of a past date: pick it with the date picker; the page redraws in place.
        page.set_viewport_size({"width": 1366, "height": 768})
        as_of = "%d-06-30" % max(first_year, last_year - 1)
        for name in ("council", "committee", "projects"):
            where["now"] = "%s as of %s" % (name, as_of)
            page.goto(url(base, name, "zh"))
            wait_ready(page)
            renders = int(page.evaluate("() => document.body.dataset.rendered"))
            page.fill("#as-of", as_of)
            page.click("#as-of-apply")
            wait_ready(page, renders)
            api_path = page.evaluate("() => document.body.dataset.api")
            failures.check(api_path == expected_api_path(name, int(as_of[:4]), as_of), "%s: asked %s" % (where["now"], api_path))
            failures.check(("asOf=" + as_of) in page.url, where["now"] + ": the URL keeps the date")
            data = api(base, api_path, args.token)
            count = compare_figures(page, data, "zh", where["now"], failures, keyed.get(name))
            failures.check(fmt("date", as_of, "zh") in page.inner_text(".as-of-label"), where["now"] + ": the date is shown")
            if name == "council":
                page.screenshot(path=os.path.join(args.shots, "council-zh-as-of.png"))
            print("ok %-30s %5d figures equal to %s" % (where["now"], count, api_path), flush=True)

        # Committee: sort by pass rate with the keyboard, filter by a school, only expiring.
        where["now"] = "committee sort/filter"
        page.goto(url(base, "committee", "en"))
        wait_ready(page)
        rows = api(base, "/v1/committee", args.token)
        page.focus("th:nth-child(7) button")
        page.keyboard.press("Enter")
        page.keyboard.press("Enter")  # second press: ascending → descending
        sort_state = page.get_attribute("th:nth-child(7)", "aria-sort")
        rates = page.evaluate("() => Array.from(document.querySelectorAll('tbody tr td:nth-child(7) .fig')).map(e => e.textContent)")
        values = [float(r.rstrip("%")) if r != "–" else -1 for r in rates]
        failures.check(sort_state in ("ascending", "descending"), where["now"] + ": aria-sort set")
        ordered = sorted(values, reverse=(sort_state == "descending"))
        failures.check(values == ordered, where["now"] + ": pass rates are in %s order" % sort_state)
        school = sorted({r["schoolId"] for r in rows})[0]
        page.select_option("#f-school", school)
        schools = set(page.evaluate("() => Array.from(document.querySelectorAll('tbody tr')).map(r => r.dataset.key.split('|')[0])"))
        failures.check(schools == {school}, where["now"] + ": filtered to school %s, shows %r" % (school, sorted(schools)[:3]))
        failures.check(page.evaluate("() => document.querySelectorAll('tbody tr').length") == len([r for r in rows if r["schoolId"] == school]),
                       where["now"] + ": every pair of the school shown")
        page.select_option("#f-school", "")
        page.check("#f-expiring")
        expiring = [r for r in rows if r["agreementsExpiringWithin90Days"] > 0]
        marked = page.evaluate("() => Array.from(document.querySelectorAll('tbody tr')).map(r => r.classList.contains('expiring'))")
        failures.check(len(marked) == len(expiring) and all(marked), where["now"] + ": only expiring pairs, all highlighted (%d, API %d)" % (len(marked), len(expiring)))
        page.screenshot(path=os.path.join(args.shots, "committee-en-expiring.png"))

        # Keyboard: the skip link comes first, then the as-of picker and the navigation are reachable.
        where["now"] = "keyboard"
        page.goto(url(base, "council", "zh"))
        wait_ready(page)
        focused = []
        for _ in range(25):
            page.keyboard.press("Tab")
            focused.append(page.evaluate("() => { const e = document.activeElement; return e.id || e.className || e.textContent.trim().slice(0, 12); }"))
        failures.check(focused[0] == "skip", where["now"] + ": the skip link is focused first (%r)" % focused[:3])
        for wanted in ("year", "as-of", "as-of-apply", "logout"):
            failures.check(wanted in focused, "%s: %s reachable with Tab (%r)" % (where["now"], wanted, focused))
        failures.check("理事会年度" in focused and "账本健康" in focused, where["now"] + ": navigation reachable with Tab")

        # Log out: the log-in form again, and the API no longer answers the page.
        where["now"] = "log-out"
        page.click("#logout")
        page.wait_for_selector("#token", timeout=30_000)
        context.close()

        # A member (a school) sees only its own committee pairs and projects.
        member_context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="zh-CN")
        member_page = member_context.new_page()
        watch(member_page, failures, lambda: where["now"])
        where["now"] = "member log-in"
        log_in(member_page, base, args.member_token, failures, where["now"])
        for name in ("committee", "projects"):
            where["now"] = "member %s" % name
            member_page.goto(url(base, name, "zh"))
            wait_ready(member_page)
            own = api(base, "/v1/" + name, args.member_token)
            every = api(base, "/v1/" + name, args.token)
            keys = member_page.evaluate("() => Array.from(document.querySelectorAll('table.sortable tbody tr')).map(r => r.dataset.key)")
            failures.check(sorted(keys) == sorted(keyed[name](r) for r in own), where["now"] + ": exactly the member's rows")
            failures.check(len(own) < len(every), where["now"] + ": fewer rows than the council sees (%d of %d)" % (len(own), len(every)))
            if name == "committee":
                failures.check(all(args.member in k.split("|") for k in keys), where["now"] + ": every pair involves " + args.member)
            compare_figures(member_page, own, "zh", where["now"], failures, keyed[name])
            failures.check(args.member in member_page.inner_text(".note"), where["now"] + ": says only its rows are shown")
            member_page.screenshot(path=os.path.join(args.shots, "member-%s-zh.png" % name))
            print("ok %-16s %d of %d rows" % (where["now"], len(own), len(every)), flush=True)
        member_context.close()

        # Page weight (every byte on the wire, headers included) and time to first render of the
        # council page, fresh each time (no cache); anchor: the council API call alone, same run.
        where["now"] = "measure"
        weights, paints, renders, anchors = [], [], [], []
        host = re.sub(r"^https?://", "", base).split(":")[0]
        for _ in range(args.runs):
            fresh = browser.new_context(viewport={"width": 1366, "height": 768})
            fresh.add_cookies([{"name": "ledger_session", "value": args.token, "domain": host, "path": "/", "httpOnly": True, "sameSite": "Strict"}])
            measured = fresh.new_page()
            watch(measured, failures, lambda: where["now"])
            cdp = fresh.new_cdp_session(measured)
            cdp.send("Network.enable")
            cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
            received = []
            cdp.on("Network.loadingFinished", lambda e: received.append(e["encodedDataLength"]))
            measured.goto(base + "/")
            wait_ready(measured)
            measured.wait_for_timeout(200)
            timing = measured.evaluate("""() => ({
                render: performance.getEntriesByName('dashboard-rendered-1')[0].startTime,
                paint: (performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime })""")
            weights.append(sum(received))
            renders.append(timing["render"])
            paints.append(timing["paint"])
            fresh.close()
            started = time.perf_counter()
            api(base, "/v1/council?year=%d" % last_year, args.token)
            anchors.append((time.perf_counter() - started) * 1000)
        weight, render, paint, anchor = max(weights), statistics.median(renders), statistics.median(paints), statistics.median(anchors)
        events = api(base, "/v1/health", args.token)["events"]
        print("council page at %d events: %d bytes (%.1f KB, target < 300 KB); first contentful paint %.0f ms; "
              "figures drawn %.0f ms after navigation (target < 500 ms), median of %d fresh loads; "
              "anchor GET /v1/council alone %.1f ms → render/anchor %.1f×"
              % (events, weight, weight / 1024, paint, render, args.runs, anchor, render / anchor if anchor else float("nan")), flush=True)
        failures.check(weight < 300 * 1024, "measure: the council page weighs %d bytes (≥ 300 KB)" % weight)
        browser.close()

    if failures.items:
        print("%d failure(s)" % len(failures.items))
        sys.exit(1)
    print("dashboard browser test passed; screenshots in " + args.shots)


if __name__ == "__main__":
    main()
