using Uplift.Transports;

namespace Uplift.Execution;

/// <summary>A step could not do its work: what went wrong, on which node, with the command's result when there was one.</summary>
public sealed class StepFailedException(string message, CommandResult? result = null) : Exception(message)
{
    public CommandResult? Result { get; } = result;
}
