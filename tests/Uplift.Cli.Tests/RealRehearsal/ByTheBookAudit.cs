using Uplift.Execution.Journal;
using Uplift.Planning;

namespace Uplift.Tests.RealRehearsal;

/// <summary>What a run did to one by-the-book rule (docs/running.md, "By the book"): held, broken, or not exercised.</summary>
internal sealed record RuleVerdict(string Rule, RuleOutcome Outcome, string Evidence)
{
    public override string ToString() => $"{Outcome switch { RuleOutcome.Held => "held", RuleOutcome.Broken => "BROKEN", _ => "not exercised" }}: {Rule} — {Evidence}";
}

internal enum RuleOutcome
{
    Held,
    Broken,
    NotExercised,
}

/// <summary>
/// Reads a finished run's journal (its plan and each step's state and times, as the nodes answered) and judges each
/// by-the-book rule by what happened on the nodes, not by what the plan meant: the oracle of the real rehearsal, where
/// the code that accepts or refuses the order is OpenStack's own. A step found done ("already-done") did not act: a
/// service's install found done before its schema step means its code had moved earlier.
/// </summary>
internal sealed class ByTheBookAudit
{
    private readonly IReadOnlyList<PlanStep> _steps;
    private readonly IReadOnlyDictionary<string, StepRecord> _records;
    private readonly HashSet<string> _apiNodes;

    private ByTheBookAudit(Plan plan, IReadOnlyDictionary<string, StepRecord> records)
    {
        _steps = plan.Steps;
        _records = records;
        _apiNodes = [.. Of("haproxy-drain").SelectMany(s => s.Nodes)];
    }

    public static IReadOnlyList<RuleVerdict> Judge(Plan plan, IReadOnlyDictionary<string, StepRecord> records)
    {
        var audit = new ByTheBookAudit(plan, records);
        return
        [
            audit.ServicesInOrder(),
            audit.ComputesLast(),
            audit.CodeAfterSchema(),
            audit.StatusCheckBeforeNewUnits(),
            audit.ApiServersDrained(),
            audit.RpcPinned(),
            audit.ConductorFirstApiLast(),
            audit.SighupThenOnlineMigrations(),
            audit.OnlineMigrationsInRounds(),
            audit.PendingMigrationsAfterBackup(),
            audit.EtcBackedUpFirst(),
            audit.NeutronContractOffline(),
            audit.NeutronInDebiansUnits(),
            audit.CinderApiLast(),
            audit.InfrastructureOneControllerAtATime(),
            audit.EndStateLast(),
            audit.RetiredOptionsCheckedFirst(),
            audit.Unjudged("the VIP holder's infrastructure window in Pacemaker standby", "node-standby", "the lab has no Pacemaker (api_vip: none)"),
            audit.Unjudged("neutron agents paced behind the queue gate", "queue-gate", "the lab has no network node and its computes run no neutron agent"),
            audit.PuppetOffWhileChanging(),
        ];
    }

    private IEnumerable<PlanStep> Of(string kind, string? service = null) =>
        _steps.Where(s => s.Kind.Name == kind && (service is null || s.Service == service));

    private StepState State(PlanStep step) => _records.TryGetValue(step.Id, out var r) ? r.State : StepState.Pending;

    /// <summary>Ran and changed something (not found done, not skipped).</summary>
    private bool Acted(PlanStep step) => State(step) == StepState.Done;

    private bool Ended(PlanStep step) => State(step) is StepState.Done or StepState.AlreadyDone;

    private DateTimeOffset Start(PlanStep step) => _records[step.Id].Started!.Value;

    private DateTimeOffset End(PlanStep step) => _records[step.Id].Ended!.Value;

    private static string At(DateTimeOffset time) => time.UtcDateTime.ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);

    private static RuleVerdict Verdict(string rule, IReadOnlyCollection<string> broken, string held) =>
        new(rule, broken.Count == 0 ? RuleOutcome.Held : RuleOutcome.Broken, broken.Count == 0 ? held : string.Join("; ", broken));

    private RuleVerdict ServicesInOrder()
    {
        const string rule = "services in the documented order, each on every controller before the next (placement before nova …)";
        var installs = Of("packages-install").Where(s => s.Phase.EndsWith("control-plane", StringComparison.Ordinal) && Acted(s)).ToList();
        var services = installs.Select(s => s.Service!).Distinct().ToList();
        var broken = new List<string>();
        for (var i = 1; i < services.Count; i++)
        {
            var lastOfEarlier = installs.Where(s => s.Service == services[i - 1]).Max(End);
            var firstOfLater = installs.Where(s => s.Service == services[i]).Min(Start);
            if (firstOfLater < lastOfEarlier)
            {
                broken.Add($"{services[i]} installed at {At(firstOfLater)} before {services[i - 1]} ended on every controller ({At(lastOfEarlier)})");
            }
        }
        return services.Count < 2 ? new(rule, RuleOutcome.NotExercised, "fewer than two services installed")
            : Verdict(rule, broken, $"{string.Join(" → ", services)}, each one's installs ended before the next began");
    }

    private RuleVerdict ComputesLast()
    {
        const string rule = "computes last: no compute's code before the whole control plane runs the new code";
        var computes = Of("packages-install").Where(s => s.Phase.EndsWith("computes", StringComparison.Ordinal) && Ended(s)).ToList();
        var control = Of("packages-install").Where(s => s.Phase.EndsWith("control-plane", StringComparison.Ordinal) && Ended(s)).ToList();
        if (computes.Count == 0 || control.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no compute or no control-plane install ran");
        }
        var first = computes.Min(Start);
        var last = control.Max(End);
        return Verdict(rule, first < last ? [$"a compute's install began {At(first)}, before the control plane's last ended {At(last)}"] : [],
            $"control plane's last install ended {At(last)}, first compute's began {At(first)}");
    }

    private RuleVerdict CodeAfterSchema()
    {
        const string rule = "a service's new code only after its schema is synced or expanded on the VIP holder, old code still running";
        var broken = new List<string>();
        var seen = new List<string>();
        foreach (var schema in Of("database-sync").Concat(Of("database-expand")).Where(s => s.Phase.EndsWith("control-plane", StringComparison.Ordinal))
            .GroupBy(s => s.Service!))
        {
            var service = schema.Key;
            var first = schema.Where(Ended).ToList();
            if (first.Count == 0)
            {
                continue;
            }
            var synced = first.Max(End);
            seen.Add($"{service} {At(first.Min(Start))}");
            foreach (var install in Of("packages-install", service).Where(s => s.Phase.EndsWith("control-plane", StringComparison.Ordinal)))
            {
                if (State(install) == StepState.AlreadyDone)
                {
                    broken.Add($"{service}'s code was found installed on {install.Node} ({install.Id}, found done): it had moved before its schema step");
                }
            }
            foreach (var start in Of("units-start", service).Where(Acted).Where(s => Start(s) < synced))
            {
                broken.Add($"{start.Id} started {At(Start(start))}, before {service}'s schema step ended {At(synced)}");
            }
        }
        return seen.Count == 0 ? new(rule, RuleOutcome.NotExercised, "no schema step ran")
            : Verdict(rule, broken, $"schema steps ({string.Join(", ", seen)}) before each service's new units; every install acted");
    }

    private RuleVerdict StatusCheckBeforeNewUnits()
    {
        const string rule = "`<service>-status upgrade check` with the new code installed and the schema synced, before its first new unit starts";
        var broken = new List<string>();
        var checkedServices = new List<string>();
        foreach (var check in Of("upgrade-check").Where(s => s.Phase.EndsWith("control-plane", StringComparison.Ordinal) && Acted(s)))
        {
            var service = check.Service!;
            var before = Of("packages-install", service).Concat(Of("database-sync", service)).Concat(Of("database-expand", service))
                .Where(s => s.Node == check.Node && Ended(s)).ToList();
            var starts = Of("units-start", service).Where(Acted).ToList();
            if (before.Count > 0 && before.Max(End) > Start(check))
            {
                broken.Add($"{check.Id} began {At(Start(check))} before {service}'s install and schema step ended");
            }
            if (starts.Count > 0 && starts.Min(Start) < End(check))
            {
                broken.Add($"{service}'s first new unit started {At(starts.Min(Start))} before its status check ended {At(End(check))}");
            }
            checkedServices.Add(service);
        }
        return checkedServices.Count == 0 ? new(rule, RuleOutcome.NotExercised, "no status check ran in the control plane")
            : Verdict(rule, broken, $"{string.Join(", ", checkedServices)}: each check ran on the installed code, synced schema, before any new unit");
    }

    private RuleVerdict ApiServersDrained()
    {
        const string rule = "every API server drained out of HAProxy before it is touched (stopped, restarted, reloaded, its libraries upgraded), put back after";
        var touching = _steps.Where(s => s.Node is { } node && _apiNodes.Contains(node) && Acted(s) && (s.Kind.Name is "units-stop" or "units-restart" or "dependencies-upgrade"
            || (s.Kind.Name == "units-signal" && s.Id.Contains("/api-reload/", StringComparison.Ordinal)))).ToList();
        var broken = new List<string>();
        foreach (var step in touching)
        {
            var prefix = step.Id[..(step.Id.LastIndexOf('/') + 1)];
            var drains = Of("haproxy-drain").Where(d => d.Node == step.Node && d.Id.StartsWith(prefix, StringComparison.Ordinal) && Ended(d)).ToList();
            var enables = Of("haproxy-enable").Where(e => e.Node == step.Node && e.Id.StartsWith(prefix, StringComparison.Ordinal) && Ended(e)).ToList();
            // Out of HAProxy for the whole step: drained before it began, not put back until it ended, put back after.
            var drained = drains.Where(d => End(d) <= Start(step)).MaxBy(End);
            if (drained is null)
            {
                broken.Add($"{step.Id} ran {At(Start(step))} with {step.Node} in HAProxy");
            }
            else if (enables.Any(e => Start(e) >= End(drained) && Start(e) < End(step)))
            {
                broken.Add($"{step.Node} was put back before {step.Id} ended");
            }
            else if (!enables.Any(e => Start(e) >= End(step)))
            {
                broken.Add($"{step.Node} was not put back after {step.Id}");
            }
        }
        return touching.Count == 0 ? new(rule, RuleOutcome.NotExercised, "no API server was touched")
            : Verdict(rule, broken, $"{touching.Count} steps touched an API server, each drained before and put back after");
    }

    private RuleVerdict RpcPinned()
    {
        const string rule = "nova's RPC pinned (`[upgrade_levels] compute=auto`) before new code starts, unpinned once every compute runs it";
        var pins = Of("rpc-pin").Where(Ended).ToList();
        var unpins = Of("rpc-unpin").Where(Ended).ToList();
        if (pins.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no RPC pin ran");
        }
        var broken = new List<string>();
        foreach (var pin in pins)
        {
            var start = Of("units-start", pin.Service).Where(s => s.Node == pin.Node && s.Phase == pin.Phase && Acted(s)).ToList();
            if (start.Count > 0 && start.Min(Start) < End(pin))
            {
                broken.Add($"{pin.Node}'s new units started before its pin");
            }
        }
        var enabled = Of("compute-enable").Where(Ended).ToList();
        if (enabled.Count > 0 && unpins.Count > 0 && unpins.Min(Start) < enabled.Max(End))
        {
            broken.Add($"unpinned {At(unpins.Min(Start))} before the last compute was enabled {At(enabled.Max(End))}");
        }
        return Verdict(rule, broken, $"pinned on {pins.Count} controllers before their new units; unpinned after the last compute ({unpins.Count} unpins)");
    }

    private RuleVerdict ConductorFirstApiLast()
    {
        const string rule = "nova: conductor first, API last";
        var starts = Of("units-start", "nova").Where(s => Ended(s) && s.Argument("units") is { } u && u.Contains("nova-api", StringComparison.Ordinal)).ToList();
        if (starts.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no nova API start ran");
        }
        var broken = starts.Where(s => s.Argument("units")!.Split(' ') is var units
            && (Array.IndexOf(units, "nova-conductor") is var conductor && (conductor < 0 || conductor > Array.IndexOf(units, "nova-api")))).Select(s => $"{s.Id}: {s.Argument("units")}").ToList();
        return Verdict(rule, broken, $"{starts.Count} controllers started nova-conductor before nova-api");
    }

    private RuleVerdict SighupThenOnlineMigrations()
    {
        const string rule = "every nova and cinder unit gets SIGHUP once every node runs the new code, then the online data migrations run to zero";
        var sighups = Of("units-signal").Where(s => Ended(s) && !s.Id.Contains("/api-reload/", StringComparison.Ordinal)).ToList();
        var migrations = Of("online-migrations").Where(s => s.Phase.EndsWith("finalize", StringComparison.Ordinal)).ToList();
        var installs = Of("packages-install").Where(Ended).ToList();
        if (sighups.Count == 0 || migrations.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no SIGHUP or no online migration ran");
        }
        var broken = new List<string>();
        if (installs.Count > 0 && sighups.Min(Start) < installs.Max(End))
        {
            broken.Add($"SIGHUP at {At(sighups.Min(Start))} before the last install ended {At(installs.Max(End))}");
        }
        broken.AddRange(migrations.Where(m => !Acted(m)).Select(m => $"{m.Id} is {State(m)}"));
        if (migrations.Where(Acted).Any(m => Start(m) < sighups.Max(End)))
        {
            broken.Add("an online migration began before every SIGHUP ended");
        }
        return Verdict(rule, broken, $"{sighups.Count} SIGHUPs after the last install, then {migrations.Count} online migrations ran to zero");
    }

    private RuleVerdict PendingMigrationsAfterBackup()
    {
        const string rule = "online migrations left by the previous upgrade run after the verified backup, not in pre-flight";
        var pending = Of("check-online-migrations").Where(Ended).ToList();
        var backup = Of("database-backup-verify").Where(Ended).ToList();
        if (pending.Count == 0 || backup.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no pending-migration check or no backup ran");
        }
        return Verdict(rule, pending.Min(Start) < backup.Max(End) ? [$"checked {At(pending.Min(Start))} before the backup was verified {At(backup.Max(End))}"] : [],
            $"backup verified {At(backup.Max(End))}, then {pending.Count} services' pending migrations");
    }

    private RuleVerdict EtcBackedUpFirst()
    {
        const string rule = "each node's services' /etc backed up before anything is installed on it";
        var broken = new List<string>();
        var nodes = 0;
        foreach (var backup in Of("config-backup").Where(Ended))
        {
            nodes++;
            var installs = _steps.Where(s => s.Node == backup.Node && s.Kind.Name is "packages-install" or "dependencies-upgrade" && Acted(s)).ToList();
            if (installs.Count > 0 && installs.Min(Start) < End(backup))
            {
                broken.Add($"{backup.Node}: installed {At(installs.Min(Start))} before its /etc backup ended");
            }
        }
        return nodes == 0 ? new(rule, RuleOutcome.NotExercised, "no /etc backup ran") : Verdict(rule, broken, $"{nodes} nodes, each backed up before its first install");
    }

    private RuleVerdict NeutronContractOffline()
    {
        const string rule = "neutron's contract offline: pending contract work checked, every neutron server stopped while it runs";
        var check = Of("database-offline-check", "neutron").Where(Ended).ToList();
        var contract = Of("database-contract", "neutron").ToList();
        if (check.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no offline check ran");
        }
        var ran = contract.Where(Acted).ToList();
        if (ran.Count == 0 && !contract.All(Ended))
        {
            return new(rule, RuleOutcome.NotExercised, "the contract did not run to its end (the run stopped before it)");
        }
        if (ran.Count == 0)
        {
            return new(rule, RuleOutcome.Held, $"has_offline_migrations ran {At(check.Min(Start))} and found no contract work pending: no server stopped, the contract not needed");
        }
        var stops = Of("units-stop", "neutron").Where(s => s.Phase == ran[0].Phase || s.Phase.EndsWith("finalize", StringComparison.Ordinal)).Where(Ended).ToList();
        var broken = stops.Count == 0 || stops.Max(End) > Start(ran[0]) ? new[] { "the contract ran with a neutron server up" } : [];
        return Verdict(rule, broken, $"contract {At(Start(ran[0]))}, every neutron server stopped before it");
    }

    private RuleVerdict CinderApiLast()
    {
        const string rule = "cinder: the volume nodes before the last controller's API, which answers on the old code until then";
        var stops = Of("units-stop", "cinder").Where(s => s.Phase.EndsWith("control-plane", StringComparison.Ordinal) && Ended(s)).ToList();
        var apiStops = stops.Where(s => _apiNodes.Contains(s.Node!)).ToList();
        var volumeStarts = Of("units-start", "cinder").Where(s => s.Node is { } n && !_apiNodes.Contains(n) && Ended(s)).ToList();
        if (apiStops.Count < 2 || volumeStarts.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "fewer than two cinder API servers or no volume node");
        }
        var last = apiStops.MaxBy(Start)!;
        return Verdict(rule, Start(last) < volumeStarts.Max(End) ? [$"{last.Id} began before the volume nodes ran the new code"] : [],
            $"volume nodes' new cinder-volume up {At(volumeStarts.Max(End))}, then {last.Node}'s API stopped {At(Start(last))}");
    }

    private RuleVerdict InfrastructureOneControllerAtATime()
    {
        const string rule = "controllers' infrastructure (RabbitMQ …) one at a time, the cluster healthy before the next";
        var windows = Of("rabbitmq-health").Where(Ended).Select(h => _steps.Where(s => s.Node == h.Node && s.Id.StartsWith("infrastructure/", StringComparison.Ordinal) && Ended(s)).ToList())
            .Where(w => w.Count > 0).Select(w => (Node: w[0].Node, From: w.Min(Start), To: w.Max(End))).OrderBy(w => w.From).ToList();
        if (windows.Count < 2)
        {
            return new(rule, RuleOutcome.NotExercised, "fewer than two controllers' infrastructure windows");
        }
        var broken = windows.Zip(windows.Skip(1)).Where(p => p.Second.From < p.First.To).Select(p => $"{p.Second.Node}'s window began before {p.First.Node}'s ended").ToList();
        return Verdict(rule, broken, $"{string.Join(" then ", windows.Select(w => w.Node))}, each window after the last, RabbitMQ healthy in each");
    }

    private RuleVerdict EndStateLast()
    {
        const string rule = "every node's end state verified last, on every run";
        var verify = Of("verify-end-state").ToList();
        var others = _steps.Where(s => s.Kind.Name != "verify-end-state" && !s.Phase.EndsWith("verify", StringComparison.Ordinal) && Ended(s)).ToList();
        if (verify.Count == 0 || others.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no end-state verification ran");
        }
        var broken = verify.Where(v => !Acted(v)).Select(v => $"{v.Id} is {State(v)}").ToList();
        if (verify.Where(Acted).Any(v => Start(v) < others.Max(End)))
        {
            broken.Add("a node was verified before the rest of the run ended");
        }
        return Verdict(rule, broken, $"{verify.Count} nodes verified after everything else ended");
    }

    private RuleVerdict OnlineMigrationsInRounds()
    {
        const string rule = "online data migrations in rounds of --max-count rows (cinder's --max_count), repeated until none is left";
        var rounds = Of("online-migrations").Where(Acted).ToList();
        if (rounds.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no online migration ran");
        }
        var broken = rounds.Where(r => r.Argument("max-count") is not { } max || r.Argument("command") is not { } command
            || !(command.Contains($"--max-count {max}", StringComparison.Ordinal) || command.Contains($"--max_count {max}", StringComparison.Ordinal)))
            .Select(r => $"{r.Id} ran without its round size").ToList();
        return Verdict(rule, broken, $"{string.Join(", ", rounds.Select(r => r.Service))} by rounds of {rounds[0].Argument("max-count")} rows, each to zero");
    }

    private RuleVerdict NeutronInDebiansUnits()
    {
        const string rule = "a controller with Debian's neutron-api and neutron-rpc-server is upgraded with those units (stopped, installed, started)";
        var split = _steps.Where(s => s.Service == "neutron" && s.Kind.Name is "units-stop" or "units-start"
            && s.Argument("units") is { } u && u.Contains("neutron-api", StringComparison.Ordinal) && u.Contains("neutron-rpc-server", StringComparison.Ordinal)).ToList();
        var acted = split.Where(Acted).ToList();
        if (acted.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, split.Count == 0 ? "no controller has them" : "their units were found in the target state (nothing to stop or start)");
        }
        return new(rule, RuleOutcome.Held, $"{acted.Count} stops and starts of neutron-api and neutron-rpc-server on {acted.Select(s => s.Node).Distinct().Count()} controllers");
    }

    private RuleVerdict RetiredOptionsCheckedFirst()
    {
        const string rule = "options the target release renames or removes, and the service-token roles, checked on every node before anything changes";
        var checks = Of("check-config-options").Concat(Of("check-service-token-roles")).Where(Acted).ToList();
        var changes = _steps.Where(s => s.Kind.Name is "config-backup" or "packages-install" or "dependencies-upgrade" or "database-backup" && Acted(s)).ToList();
        if (checks.Count == 0 || changes.Count == 0)
        {
            return new(rule, RuleOutcome.NotExercised, "no such check ran");
        }
        return Verdict(rule, checks.Max(End) > changes.Min(Start) ? ["a change began before every check had ended"] : [],
            $"{checks.Count} checks on {checks.Select(c => c.Node).Distinct().Count()} nodes' real files and keystone, ended {At(checks.Max(End))}, before the first change {At(changes.Min(Start))}");
    }

    /// <summary>The step kinds that change a node: a puppet run in between could write the old release's configuration
    /// back or restart a unit.</summary>
    private static readonly HashSet<string> Changes =
    [
        "apt-sources", "dependencies-upgrade", "packages-install", "dist-upgrade", "packages-downgrade", "config-set", "config-restore",
        "units-start", "units-restart", "units-stop", "units-signal", "rpc-pin", "rpc-unpin", "node-reboot",
    ];

    /// <summary>A node's agent disabled by this run (found enabled: a node without puppet is found done, "absent") before
    /// the first change to it, and enabled again only after its last.</summary>
    private RuleVerdict PuppetOffWhileChanging()
    {
        const string rule = "puppet agents off on each node while it is changed, on again after";
        var broken = new List<string>();
        var disabled = Of("puppet-disable").Where(Acted).ToList();
        foreach (var disable in disabled)
        {
            var node = disable.Node;
            var changes = _steps.Where(s => s.Node == node && Changes.Contains(s.Kind.Name) && Acted(s)).ToList();
            var enable = Of("puppet-enable").SingleOrDefault(s => s.Node == node);
            if (changes.Count > 0 && changes.Min(Start) < End(disable))
            {
                broken.Add($"{node}: {changes.MinBy(Start)!.Id} began {At(changes.Min(Start))} before its agent was disabled ({At(End(disable))})");
            }
            if (enable is null || !Ended(enable))
            {
                broken.Add($"{node}: its agent was not enabled again");
            }
            else if (changes.Count > 0 && Start(enable) < changes.Max(End))
            {
                broken.Add($"{node}: its agent enabled {At(Start(enable))} before {changes.MaxBy(End)!.Id} ended ({At(changes.Max(End))})");
            }
        }
        return disabled.Count == 0 ? new(rule, RuleOutcome.NotExercised, "no node's agent was found enabled (a node without puppet is found done)")
            : Verdict(rule, broken, $"{disabled.Count} nodes' real agents disabled before their first change, enabled after their last");
    }

    /// <summary>A rule this audit does not judge (the shim lab's tests do): why it did not run here, or that it ran unjudged.</summary>
    private RuleVerdict Unjudged(string rule, string kind, string why) =>
        new(rule, RuleOutcome.NotExercised, Of(kind).Any(Acted) ? $"{Of(kind).Count(Acted)} {kind} steps ran; judged by the shim lab's tests, not here" : why);
}
