using System.Globalization;
using System.Net;
using System.Text;
using Uplift.Timing;

namespace Uplift.Upgrade.Report;

/// <summary>
/// A run's report as one self-contained HTML file: inline CSS, no script, nothing fetched. Each node's timeline is a row
/// of bars (a step's start and length against the run's span, coloured by its state, titled with its id and time); the
/// probe's series is a row of columns per 10 s (height: requests, red: failed). Elements carry data-node, data-phase and
/// data-probe-at attributes, so a browser's DOM can be checked for every node, phase and probe step.
/// </summary>
public static class RunReportHtml
{
    private const string Style = """
        body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#222;max-width:1400px}
        h1{font-size:1.5em}h2{font-size:1.15em;margin-top:1.6em;border-bottom:1px solid #ccc}
        table{border-collapse:collapse}td,th{padding:2px 10px;text-align:left;border-bottom:1px solid #eee;vertical-align:top}
        .outcome-succeeded{color:#17703a}.outcome-failed,.outcome-aborted{color:#b00020}.outcome-stopped{color:#a06000}
        .lane{position:relative;height:18px;background:#f4f4f4;margin:2px 0;flex:1}
        .row{display:flex;align-items:center}.row>.name{width:110px;font-family:monospace}
        .bar{position:absolute;top:2px;height:14px;min-width:2px;border-radius:2px}
        .done{background:#2e8b57}.already-done{background:#9cc9ac}.failed{background:#d32f2f}.running{background:#f0a000}.skipped{background:#bbb}
        .probe{display:flex;align-items:flex-end;height:80px;gap:1px;background:#f4f4f4}
        .probe>div{flex:1;background:#7aa7d8;position:relative}.probe>div>i{position:absolute;bottom:0;left:0;right:0;background:#d32f2f}
        pre{background:#f6f6f6;padding:8px;overflow:auto;max-height:240px}
        .legend span{display:inline-block;width:12px;height:12px;margin:0 4px 0 12px;vertical-align:middle}
        """;

    public static string Render(RunReport report)
    {
        var s = report.Status;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
            .Append(E($"Uplift: {s.Cluster} run {s.Run.Id}")).Append("</title><style>").Append(Style).Append("</style></head><body>\n");
        var outcome = s.Run.Outcome ?? "running";
        html.Append(CultureInfo.InvariantCulture, $"<h1>Cluster {E(s.Cluster)}: {E(s.Mode)} {E(string.Join(" → ", s.Releases))}</h1>\n");
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"outcome\" class=\"outcome-{E(outcome)}\">Run {s.Run.Id}: <b>{E(outcome)}</b>, started {Time(s.Run.Started)}" +
            $"{(s.Run.Ended is { } ended ? $", ended {Time(ended)} ({Took(ended - s.Run.Started)})" : "")}.</p>\n");
        Inputs(html, report);
        Phases(html, report);
        Timeline(html, report);
        Nodes(html, report);
        Probe(html, report);
        Backup(html, report);
        Failed(html, report);
        Estimate(html, report);
        html.Append("</body></html>\n");
        return html.ToString();
    }

    private static void Inputs(StringBuilder html, RunReport report)
    {
        var i = report.Inputs;
        var o = i.Options;
        html.Append("<h2>Plan inputs</h2><table id=\"inputs\">");
        foreach (var (name, value) in new (string, string)[]
        {
            ("inventory", $"{i.InventoryFile} (sha256 {i.InventoryHash[..Math.Min(12, i.InventoryHash.Length)]})"),
            ("catalog", $"{i.CatalogVersion} (sha256 {i.CatalogHash[..Math.Min(12, i.CatalogHash.Length)]})"),
            ("uplift", i.ToolVersion),
            ("from → to", $"{i.From} → {i.To}{(o.Via.Length > 0 ? $" via {o.Via}" : "")}"),
            ("options", $"drain {Yes(o.Drain)}, backup {Yes(o.Backup)}, live migrate {Yes(o.LiveMigrate)}, allow instances {Yes(o.AllowInstances)}, " +
                $"online migration batch {o.OnlineMigrationBatch}"),
        })
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><th>{E(name)}</th><td>{E(value)}</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Estimate(StringBuilder html, RunReport report)
    {
        var s = report.Status;
        var took = s.Run.Ended is { } ended ? $"; this run took {Took(ended - s.Run.Started)}" : "";
        html.Append("<h2>Estimate</h2><p id=\"estimate\">" + (s.EstimatedTotal is { } total
            ? E($"Estimated {Durations.Human(total)} for the whole plan (uplift plan --estimate: documented durations, the inventory's estimate: figures){took}. " +
                "Each phase's estimated window is beside its wall time above; a resumed run did only part of the plan.")
            : "No estimate was made.") + "</p>\n");
    }

    private static void Phases(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Phases</h2><table id=\"phases\"><tr><th>phase</th><th>steps</th><th>wall time</th><th>estimated</th></tr>");
        foreach (var phase in report.Status.Phases)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-phase=\"{E(phase.Name)}\"><td>{E(phase.Name)}</td><td>{E(string.Join(", ", phase.Counts.Select(c => $"{c.Value} {c.Key}")))}</td>" +
                $"<td>{(phase.Took is { } t ? Took(t) : "–")}</td><td>{(phase.Estimated is { } e ? Durations.Human(e) : "–")}</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Timeline(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Timeline</h2><p class=\"legend\">").Append(string.Concat(new[] { "done", "already-done", "failed", "running", "skipped" }
            .Select(state => $"<span class=\"{state}\"></span>{state}"))).Append("</p>\n<div id=\"timeline\">");
        var bars = report.Bars;
        if (bars.Count > 0)
        {
            var start = bars.Min(b => b.Started);
            var end = bars.Max(b => b.Ended ?? b.Started);
            var span = Math.Max(1, (end - start).TotalSeconds);
            double Percent(DateTimeOffset at) => (at - start).TotalSeconds / span * 100;
            foreach (var node in report.Status.Nodes.Select(n => n.Name))
            {
                html.Append(CultureInfo.InvariantCulture, $"<div class=\"row\" data-node=\"{E(node)}\"><span class=\"name\">{E(node)}</span><div class=\"lane\">");
                foreach (var bar in bars.Where(b => b.Nodes.Contains(node)))
                {
                    var left = Percent(bar.Started);
                    var width = Percent(bar.Ended ?? end) - left;
                    html.Append(CultureInfo.InvariantCulture, $"<div class=\"bar {E(bar.State)}\" data-phase=\"{E(bar.Phase)}\" style=\"left:{left:0.###}%;width:{width:0.###}%\" " +
                        $"title=\"{E($"{bar.StepId}: {bar.State}, {(bar.Ended is { } e ? Took(e - bar.Started) : "running")}")}\"></div>");
                }
                html.Append("</div></div>\n");
            }
            html.Append(CultureInfo.InvariantCulture, $"<p>{Time(start)} to {Time(end)}, {Took(end - start)}.</p>");
        }
        else
        {
            html.Append("<p>No step ran.</p>");
        }
        html.Append("</div>\n");
    }

    private static void Nodes(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Releases</h2><table id=\"releases\"><tr><th>node</th><th>before (read from it)</th><th>after (journal)</th></tr>");
        foreach (var node in report.Status.Nodes)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr data-node=\"{E(node.Name)}\"><td>{E(node.Name)}</td><td>{E(report.Before.GetValueOrDefault(node.Name, "not read"))}</td><td>{E(node.Journal)}</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Probe(StringBuilder html, RunReport report)
    {
        html.Append("<h2>API availability</h2><p id=\"downtime\">").Append(E(report.Downtime.Split('\n')[0])).Append("</p>\n");
        if (report.Probe is not { } probe)
        {
            return;
        }
        var most = Math.Max(1, probe.Series.Count == 0 ? 1 : probe.Series.Max(p => p.Sent));
        html.Append("<div class=\"probe\" id=\"probe\">");
        foreach (var step in probe.Series)
        {
            var failed = step.Failed + step.Planned;
            html.Append(CultureInfo.InvariantCulture, $"<div data-probe-at=\"{step.At.UtcDateTime:yyyy-MM-ddTHH:mm:ssZ}\" data-sent=\"{step.Sent}\" data-failed=\"{step.Failed}\" " +
                $"style=\"height:{100.0 * step.Sent / most:0.#}%\" title=\"{step.At.UtcDateTime:HH:mm:ss}: {step.Sent} sent, {step.Failed} failed, {step.Planned} in planned outages\">" +
                $"<i style=\"height:{(step.Sent == 0 ? 0 : 100.0 * failed / step.Sent):0.#}%\"></i></div>");
        }
        html.Append("</div>\n<p>Requests per 10 s (blue) and those that failed (red).</p><table><tr><th>api</th><th>sent</th><th>failed</th><th>slow</th><th>longest failure window</th><th>planned</th></tr>");
        foreach (var f in probe.Frontends)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(f.Name)}</td><td>{f.Sent}</td><td>{f.Failures}</td><td>{f.Slow}</td><td>{f.LongestFailureWindow.TotalSeconds:0.0} s</td><td>{f.Planned}</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Backup(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Backup</h2>");
        if (report.Backup is not { } backup)
        {
            html.Append("<p id=\"backup\">No backup manifest in the state directory for this cluster.</p>\n");
            return;
        }
        html.Append(CultureInfo.InvariantCulture, $"<p id=\"backup\">Taken {Time(backup.TakenAt)} on {E(backup.Node)} ({E(backup.NodeDirectory)}), MariaDB {E(backup.ServerVersion)}; " +
            $"{(backup.VerifiedAt is { } v ? $"verified restorable {Time(v)}" : "<b>not verified</b>")}.</p><table><tr><th>schema</th><th>bytes</th></tr>");
        foreach (var schema in backup.Schemas)
        {
            html.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(schema.Schema)}</td><td>{schema.Bytes:N0}</td></tr>");
        }
        html.Append("</table>\n");
    }

    private static void Failed(StringBuilder html, RunReport report)
    {
        html.Append("<h2>Failed steps</h2>");
        if (report.Failed.Count == 0)
        {
            html.Append("<p id=\"failed\">None.</p>\n");
            return;
        }
        html.Append("<div id=\"failed\">");
        foreach (var step in report.Failed)
        {
            html.Append(CultureInfo.InvariantCulture, $"<h3 data-step=\"{E(step.StepId)}\">{E(step.StepId)}</h3><p>{E(step.Message)}{(step.ExitCode is { } code ? $" (exit {code})" : "")}</p>");
            var output = (step.StandardOutput + "\n" + step.StandardError).Trim();
            if (output.Length > 0)
            {
                html.Append("<pre>").Append(E(output)).Append("</pre>");
            }
        }
        html.Append("</div>\n");
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Yes(bool value) => value ? "yes" : "no";

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private static string Took(TimeSpan time) =>
        time.TotalMinutes >= 1 ? $"{(int)time.TotalMinutes} min {time.Seconds} s" : string.Create(CultureInfo.InvariantCulture, $"{time.TotalSeconds:0.0} s");
}
