using Uplift.Execution;
using Uplift.Execution.Journal;
using Uplift.Execution.Progress;
using Uplift.Planning;
using Uplift.Testing;
using Uplift.Transports;
using Uplift.Upgrade.Steps;

namespace Uplift.Tests.Execution;

/// <summary>An executor over a temporary journal, a recording handler for every kind, and a manual clock.</summary>
internal sealed class ExecutorFixture : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), $"uplift-exec-{Guid.NewGuid():N}");

    public ExecutorFixture()
    {
        Directory.CreateDirectory(_directory);
        Journal = RunJournal.Open(JournalPath);
        Handlers = StepTable.Create(new StepServices()).Replacing(Handler, [.. StepTable.Kinds]);
    }

    public string JournalPath => Path.Combine(_directory, "lab.journal.sqlite");

    public RunJournal Journal { get; private set; }

    public RecordingHandler Handler { get; } = new();

    public StepHandlers Handlers { get; set; }

    public TestClock Time { get; } = new();

    public List<RunEvent> Events { get; } = [];

    /// <summary>Whether the run reported an event of this kind yet ("run-stopping": the executor took a failure in).</summary>
    public bool Saw(string kind)
    {
        lock (Events)
        {
            return Events.Any(e => e.Kind == kind);
        }
    }

    public List<string> Questions { get; } = [];

    public Func<string, bool> Answer { get; set; } = _ => true;

    public RunControl Control { get; private set; } = new();

    public Func<string, IRemoteShell> Shells { get; set; } = node => throw new InvalidOperationException($"no shell for {node} in this test");

    public Task<RunSummary> RunAsync(Plan plan, ExecutionOptions? options = null) =>
        new PlanExecutor(Journal, Handlers, Shells, Time, new Collect(Events), new Prompt(this), Control, options)
            .RunAsync(plan, "{}");

    /// <summary>A new process would start with a new control and reopen the journal.</summary>
    public void Restart()
    {
        Control = new RunControl();
        Journal.Dispose();
        Journal = RunJournal.Open(JournalPath);
    }

    public void Dispose()
    {
        Journal.Dispose();
        Control.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Collect(List<RunEvent> events) : IRunObserver
    {
        public void On(RunEvent runEvent)
        {
            lock (events)
            {
                events.Add(runEvent);
            }
        }
    }

    private sealed class Prompt(ExecutorFixture fixture) : IOperatorPrompt
    {
        public Task<bool> ConfirmAsync(string question, bool breakpoint, CancellationToken cancellationToken)
        {
            fixture.Questions.Add(question);
            return Task.FromResult(fixture.Answer(question));
        }
    }
}
