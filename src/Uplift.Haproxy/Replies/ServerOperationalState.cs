namespace Uplift.Haproxy;

/// <summary>srv_op_state of <c>show servers state</c> (haproxy doc/management.txt, enum srv_state).</summary>
public enum ServerOperationalState
{
    /// <summary>SRV_ST_STOPPED: the server is down.</summary>
    Stopped = 0,

    /// <summary>SRV_ST_STARTING: warming up (up but throttled).</summary>
    Starting = 1,

    /// <summary>SRV_ST_RUNNING: fully up.</summary>
    Running = 2,

    /// <summary>SRV_ST_STOPPING: up but soft-stopping (e.g. a check answered 404).</summary>
    Stopping = 3,
}
