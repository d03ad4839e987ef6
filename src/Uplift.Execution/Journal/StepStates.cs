namespace Uplift.Execution.Journal;

/// <summary>Conversions between <see cref="StepState"/> and the words stored in the journal and shown to operators.</summary>
public static class StepStates
{
    public static string Word(this StepState state) => state switch
    {
        StepState.AlreadyDone => "already-done",
        _ => state.ToString().ToLowerInvariant(),
    };

    public static StepState Parse(string word) => word switch
    {
        "already-done" => StepState.AlreadyDone,
        _ => Enum.Parse<StepState>(word, ignoreCase: true),
    };

    /// <summary>Done or found done: a re-run skips it.</summary>
    public static bool IsComplete(this StepState state) => state is StepState.Done or StepState.AlreadyDone;
}
