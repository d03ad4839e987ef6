namespace Uplift.Execution.Progress;

/// <summary>Hands every event to several observers (the console view and the JSON log).</summary>
public sealed class RunObservers(params IRunObserver[] observers) : IRunObserver
{
    public void On(RunEvent runEvent)
    {
        foreach (var observer in observers)
        {
            observer.On(runEvent);
        }
    }
}
