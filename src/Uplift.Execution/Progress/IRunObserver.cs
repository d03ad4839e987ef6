namespace Uplift.Execution.Progress;

/// <summary>Receives a run's events, in order, from the executor (called from several tasks: implementations lock).</summary>
public interface IRunObserver
{
    void On(RunEvent runEvent);
}
