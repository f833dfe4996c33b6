// The metrics dashboard: polls /api/dashboard and redraws. Plain JavaScript, no build step.
"use strict";

(() => {
  const refreshMs = 5000;
  const state = { window: new URLSearchParams(location.search).get("window") || "day", data: null, timer: null };
  const $ = id => document.getElementById(id);
  const esc = Charts.escape;

  const money = micros => {
    if (micros === 0) return "$0";
    const dollars = micros / 1e6;
    if (Math.abs(dollars) >= 1000) return "$" + (dollars / 1000).toFixed(1) + "k";
    if (Math.abs(dollars) >= 10) return "$" + dollars.toFixed(0);
    if (Math.abs(dollars) >= 0.1) return "$" + dollars.toFixed(2);
    return "$" + dollars.toFixed(4);
  };
  const count = n => n >= 1e6 ? (n / 1e6).toFixed(2) + "M" : n >= 1e4 ? (n / 1e3).toFixed(1) + "k" : Math.round(n).toLocaleString("en-US");
  const ms = v => v >= 1000 ? (v / 1000).toFixed(2) + " s" : Math.round(v) + " ms";
  const pct = v => (v >= 10 ? v.toFixed(0) : v.toFixed(1)) + "%";
  const timeFormat = iso => {
    const d = new Date(iso);
    const grain = state.data && state.data.series.grain;
    if (grain === "day") return d.toLocaleDateString("en-GB", { day: "2-digit", month: "short", timeZone: "UTC" });
    if (grain === "hour" && state.window === "week") return d.toLocaleString("en-GB", { weekday: "short", hour: "2-digit", timeZone: "UTC" }) + "h";
    return d.toLocaleTimeString("en-GB", { hour: "2-digit", minute: "2-digit", timeZone: "UTC" });
  };

  function kpi(id, label, value, hint, tone) {
    return `<div class="kpi ${tone || ""}" id="kpi-${id}"><div class="label">${esc(label)}</div>` +
      `<div class="value">${esc(value)}</div><div class="hint">${esc(hint || "")}</div></div>`;
  }

  function renderKpis(d) {
    const f = d.fleet;
    const firing = d.alerts.firing.length;
    $("kpis").innerHTML = [
      kpi("requests", "Requests", count(f.requestCount), `${d.live.requestsPerSecond.toFixed(1)} req/s now`),
      kpi("success", "Success", f.requestCount ? pct(f.successRatePercent) : "–", `${count(f.okCount)} ok`,
        f.requestCount && f.successRatePercent < 90 ? "warn" : "good"),
      kpi("spend", "Spend", money(f.costMicros), `today ${money(d.live.costTodayMicros)}`),
      kpi("savings", "Saved vs baseline", money(d.spend.savingsMicros), `${pct(d.spend.savingsPercent)} of ${money(d.spend.baselineCostMicros)}`,
        d.spend.savingsMicros >= 0 ? "good" : "bad"),
      kpi("p95", "p95 latency", f.okCount ? ms(f.p95LatencyMs) : "–", `p50 ${ms(f.p50LatencyMs)} · p99 ${ms(f.p99LatencyMs)}`,
        f.p95LatencyMs > 2000 ? "bad" : ""),
      kpi("ratelimited", "Rate-limited", f.requestCount ? pct(f.rateLimitedPercent) : "–", `${count(f.rateLimitedCount)} calls`,
        f.rateLimitedPercent > 10 ? "bad" : ""),
      kpi("tokens", "Tokens", count(f.inputTokens + f.outputTokens), `${count(d.live.tokensPerSecond)} tok/s now`),
      kpi("alerts", "Alerts firing", String(firing), firing ? d.alerts.firing[0].kind.replaceAll("_", " ") : "all clear", firing ? "bad" : "good"),
    ].join("");
  }

  const axisPct = v => (Number.isInteger(v) ? v : v.toFixed(1)) + "%";

  function seriesOf(map) {
    return Object.entries(map).map(([name, values]) => ({ name, values }))
      .filter(s => s.values.some(v => v > 0))
      .sort((a, b) => b.values.reduce((x, y) => x + y, 0) - a.values.reduce((x, y) => x + y, 0));
  }

  function renderCharts(d) {
    const s = d.series;
    Charts.stackedBars($("chart-spend-model"), { labels: s.buckets, series: seriesOf(s.costByModel), yFormat: money, timeFormat });
    Charts.stackedBars($("chart-spend-agent"), { labels: s.buckets, series: seriesOf(s.costByAgent), yFormat: money, timeFormat });
    const latency = Object.entries(s.p95LatencyByModel).map(([name, values]) => ({ name, values: values.map(v => v > 0 ? v : null) }));
    Charts.lines($("chart-latency"), { labels: s.buckets, series: latency, yFormat: ms, timeFormat, thresholds: [{ value: 2000, label: "alert: p95 > 2 s" }] });
    const active = s.requests.map(r => r > 0);
    Charts.lines($("chart-failures"), {
      labels: s.buckets, yFormat: axisPct, timeFormat, yFloor: 12,
      series: [
        { name: "errors + timeouts", values: s.errorPercent.map((v, i) => active[i] ? v : null), color: "#ff7b72" },
        { name: "rate-limited", values: s.rateLimitedPercent.map((v, i) => active[i] ? v : null), color: "#d29922" },
      ],
      thresholds: [{ value: 10, label: "rate-limit alert 10%" }, { value: 5, label: "error alert 5%" }],
    });
    $("spend-model-note").textContent = `${money(d.fleet.costMicros)} over the last ${d.window.name}`;
  }

  function renderAlerts(d) {
    const card = a => `<div class="alert ${a.endTime ? "resolved" : a.severity}">` +
      `<div class="title">${esc(a.kind.replaceAll("_", " "))}<span class="pill">${esc(a.scopeId || a.scope)}</span>` +
      `<span class="pill">${esc(a.endTime ? "resolved" : a.severity)}</span></div>` +
      `<div class="meta">${esc(a.message)}</div>` +
      `<div class="meta">since ${esc(new Date(a.startTime).toISOString().slice(11, 19))} UTC</div></div>`;
    const firing = d.alerts.firing.map(card).join("");
    const resolved = d.alerts.recentlyResolved.slice(0, 3).map(card).join("");
    $("alerts").innerHTML = (firing || `<div class="empty ok-text">No alert firing</div>`) + resolved;
  }

  function renderBudgets(d) {
    const byAgent = new Map();
    for (const b of d.budgets) if (!byAgent.has(b.agentId) || byAgent.get(b.agentId).utilisationPercent < b.utilisationPercent) byAgent.set(b.agentId, b);
    const rows = [...byAgent.values()].sort((a, b) => b.utilisationPercent - a.utilisationPercent).slice(0, 10);
    $("budgets").innerHTML = rows.length ? rows.map(b => {
      const tone = b.utilisationPercent >= 100 ? "bad" : b.utilisationPercent >= 80 ? "warn" : "";
      return `<div class="bar-row" title="${esc(b.window)} window, warning at ${b.thresholdPercent}%">` +
        `<span class="name">${esc(b.agentId)}</span><div class="bar-track"><div class="bar-fill ${tone}" style="width:${Math.min(b.utilisationPercent, 100)}%"></div>` +
        `<div class="bar-mark" style="left:80%"></div></div><span class="pct">${pct(b.utilisationPercent)}</span></div>`;
    }).join("") : `<div class="empty">No agent near a budget limit (the budget service reports crossings of its warning threshold)</div>`;
  }

  function renderTables(d) {
    const rate = (v, bad) => `<span class="${v > bad ? "bad-text" : ""}">${pct(v)}</span>`;
    $("models-table").innerHTML = `<tr><th>Model</th><th>Requests</th><th>Success</th><th>Rate-limited</th><th>Avg</th><th>p50</th><th>p95</th><th>p99</th><th>TTFT p95</th><th>Fallbacks</th><th>Tokens</th><th>Cost</th></tr>` +
      d.models.map(m => { const s = m.stats; return `<tr><td>${esc(m.model || "(denied before routing)")}<span class="sub">${esc(m.provider)}</span></td>` +
        `<td>${count(s.requestCount)}</td><td>${pct(s.successRatePercent)}</td><td>${rate(s.rateLimitedPercent, 10)}</td><td>${ms(s.avgLatencyMs)}</td>` +
        `<td>${ms(s.p50LatencyMs)}</td><td class="${s.p95LatencyMs > 2000 ? "bad-text" : ""}">${ms(s.p95LatencyMs)}</td><td>${ms(s.p99LatencyMs)}</td>` +
        `<td>${s.p95TimeToFirstTokenMs ? ms(s.p95TimeToFirstTokenMs) : "–"}</td><td>${count(s.fallbackCount)}</td>` +
        `<td>${count(s.inputTokens + s.outputTokens)}</td><td>${money(s.costMicros)}</td></tr>`; }).join("");
    $("agents-table").innerHTML = `<tr><th>Agent</th><th>Requests</th><th>Denied</th><th>Success</th><th>Spend</th><th>Share</th></tr>` +
      d.agents.map(a => `<tr><td>${esc(a.agentId)}<span class="sub">${esc(a.team || "–")} · ${esc(a.tier.replace("TIER_", "").toLowerCase())}</span></td>` +
        `<td>${count(a.stats.requestCount)}</td><td>${count(a.stats.budgetDeniedCount)}</td><td>${pct(a.stats.successRatePercent)}</td>` +
        `<td>${money(a.stats.costMicros)}</td><td>${pct(a.costSharePercent)}</td></tr>`).join("");
    $("tiers-table").innerHTML = `<tr><th>Tier</th><th>Agents</th><th>Requests</th><th>Fallback</th><th>Denied</th><th>p95</th><th>Spend</th><th>Share</th></tr>` +
      d.tiers.map(t => `<tr><td>${esc(t.tier.replace("TIER_", "").toLowerCase())}</td><td>${t.agentCount}</td><td>${count(t.stats.requestCount)}</td>` +
        `<td>${t.stats.requestCount ? pct(t.stats.fallbackCount * 100 / t.stats.requestCount) : "–"}</td><td>${count(t.stats.budgetDeniedCount)}</td>` +
        `<td>${t.stats.okCount ? ms(t.stats.p95LatencyMs) : "–"}</td><td>${money(t.stats.costMicros)}</td><td>${pct(t.costSharePercent)}</td></tr>`).join("");
  }

  function render() {
    const d = state.data;
    if (!d) return;
    renderKpis(d);
    renderCharts(d);
    renderAlerts(d);
    renderBudgets(d);
    renderTables(d);
    document.body.dataset.ready = "true";
    document.body.dataset.window = d.window.name;
  }

  async function refresh() {
    clearTimeout(state.timer);
    try {
      const response = await fetch(`/api/dashboard?window=${encodeURIComponent(state.window)}`, { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      state.data = await response.json();
      render();
      $("live-dot").className = "dot live";
      $("updated").textContent = "updated " + new Date(state.data.generatedAt).toISOString().slice(11, 19) + " UTC";
    } catch (error) {
      $("live-dot").className = "dot stale";
      $("updated").textContent = "cannot reach the metrics service (" + error.message + "), retrying";
    }
    state.timer = setTimeout(refresh, refreshMs);
  }

  for (const button of document.querySelectorAll(".windows button")) {
    button.classList.toggle("active", button.dataset.window === state.window);
    button.addEventListener("click", () => {
      state.window = button.dataset.window;
      history.replaceState(null, "", `?window=${state.window}`);
      document.querySelectorAll(".windows button").forEach(b => b.classList.toggle("active", b === button));
      refresh();
    });
  }

  let resizeTimer;
  window.addEventListener("resize", () => { clearTimeout(resizeTimer); resizeTimer = setTimeout(render, 150); });
  refresh();
})();
