/// The dashboard's one stylesheet, carried in the binary.
enum DashboardStyle {
    static let css = #"""
        /* One stylesheet, no web fonts: the CJK faces of Windows, macOS and Linux, then sans-serif. */
        :root { --ink: #1d2733; --muted: #5b6775; --line: #d5dbe3; --bg: #f4f6f9; --card: #fff; --accent: #1f5fa8;
          --target: #b9c4d2; --good: #2e7d4f; --warn: #fff3c4; --bad: #b3261e; }
        * { box-sizing: border-box; }
        html { font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 15px; line-height: 1.5;
          color: var(--ink); background: var(--bg); -webkit-text-size-adjust: 100%; }
        body { margin: 0; }
        a { color: var(--accent); }
        :focus-visible { outline: 3px solid #f0a500; outline-offset: 2px; }
        .sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
        .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: .5rem 1rem; z-index: 10; }
        .skip:focus { left: .5rem; }
        header { background: #15304f; color: #fff; padding: .5rem 1rem 0; }
        header a { color: #fff; }
        .brand { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5rem; }
        .title { font-size: 1.15rem; font-weight: bold; }
        .tools { display: flex; gap: .75rem; align-items: center; flex-wrap: wrap; font-size: .9rem; }
        .tools button { font: inherit; background: transparent; color: #fff; border: 1px solid #8aa3c2; border-radius: 4px; padding: .1rem .6rem; cursor: pointer; }
        nav ul { list-style: none; margin: .4rem 0 0; padding: 0; display: flex; flex-wrap: wrap; gap: .25rem; }
        nav a { display: block; padding: .45rem .8rem; text-decoration: none; border-radius: 4px 4px 0 0; }
        nav a[aria-current="page"] { background: var(--bg); color: var(--ink); font-weight: bold; }
        main { max-width: 1320px; margin: 0 auto; padding: .75rem 1rem 2rem; }
        h1 { font-size: 1.4rem; margin: .25rem 0; }
        h2 { font-size: 1.1rem; margin: 0 0 .5rem; }
        h3 { font-size: 1rem; margin: .75rem 0 .4rem; color: var(--muted); }
        .page-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .25rem 1rem; }
        .as-of-label { margin: 0; color: var(--muted); }
        .as-of { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .4rem 0 .75rem; }
        .as-of input, .as-of select, .as-of button, .filters select, .login input, .login button, .sort {
          font: inherit; padding: .25rem .5rem; border: 1px solid var(--line); border-radius: 4px; background: #fff; color: var(--ink); }
        .as-of button[type="submit"], .login button { background: var(--accent); color: #fff; border-color: var(--accent); cursor: pointer; }
        .card { background: var(--card); border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 0 0 .9rem; }
        .page { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 0 .9rem; }
        .page > * { grid-column: 1 / -1; }
        .page > .half { grid-column: auto; }
        .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: .6rem; margin: 0 0 .9rem; }
        .kpi-card { background: var(--card); border: 1px solid var(--line); border-left: 4px solid var(--accent); border-radius: 6px; padding: .5rem .75rem; }
        .kpi-card.warn { border-left-color: #d89b00; background: var(--warn); }
        .kpi-card dt { color: var(--muted); font-size: .85rem; }
        .kpi-card dd { margin: 0; font-size: 1.35rem; font-weight: bold; font-variant-numeric: tabular-nums; }
        .chart { margin: 0 0 .5rem; }
        .bar-row { display: grid; grid-template-columns: minmax(7rem, 14rem) minmax(6rem, 1fr) minmax(9rem, 15rem); gap: .5rem; align-items: center; padding: .2rem 0; border-bottom: 1px solid #eef1f5; }
        .bar-row svg { width: 100%; }
        .bar-label { font-size: .9rem; overflow-wrap: anywhere; }
        .bar-values { display: flex; flex-direction: column; font-size: .8rem; font-variant-numeric: tabular-nums; }
        .legend { list-style: none; display: flex; flex-wrap: wrap; gap: .2rem 1rem; padding: 0; margin: 0 0 .4rem; font-size: .85rem; }
        .swatch { width: .8rem; height: .8rem; vertical-align: -1px; margin-right: .3rem; }
        .s-target { fill: var(--target); } .s-actual { fill: var(--accent); } .s-good { fill: var(--good); }
        .s-0 { fill: #9fb3c8; } .s-1 { fill: #5d8fc4; } .s-2 { fill: #1f5fa8; } .s-3 { fill: #2e7d4f; } .s-4 { fill: var(--bad); }
        span.s-good { color: var(--good); } span.s-4 { color: var(--bad); }
        .table-alt summary { cursor: pointer; color: var(--accent); padding: .2rem 0; }
        .table-wrap { overflow-x: auto; max-width: 100%; }
        table { border-collapse: collapse; width: 100%; font-size: .9rem; }
        th, td { padding: .3rem .5rem; border-bottom: 1px solid var(--line); text-align: left; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; }
        td.mono { font-family: monospace; overflow-wrap: anywhere; white-space: normal; }
        thead th { background: #eef2f7; position: sticky; top: 0; }
        .sort { border: 0; background: transparent; padding: 0; font-weight: bold; cursor: pointer; text-align: left; }
        th[aria-sort="ascending"] .sort::after { content: " \25B2"; } th[aria-sort="descending"] .sort::after { content: " \25BC"; }
        tr.expiring { background: var(--warn); }
        .flag { color: #9a6a00; }
        .expiring-swatch { display: inline-block; width: 1rem; height: .8rem; background: var(--warn); border: 1px solid #d89b00; margin-right: .4rem; }
        .filters { display: flex; flex-wrap: wrap; gap: .5rem 1.25rem; margin-bottom: .5rem; }
        .status, .legend-note, .note { color: var(--muted); margin: .25rem 0 .5rem; }
        .ok { color: var(--good); } .bad { color: var(--bad); }
        .error { color: var(--bad); font-weight: bold; }
        .login { max-width: 26rem; margin: 2rem auto; display: flex; flex-direction: column; gap: .5rem; }
        @media (max-width: 900px) {
          .page { grid-template-columns: minmax(0, 1fr); }
          .bar-row { grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); }
          .bar-row .bar-values { grid-column: 1 / -1; flex-direction: row; gap: 1rem; flex-wrap: wrap; }
          main { padding: .5rem; }
        }
        """#
}
