using System.Diagnostics;
using Uplift.Diagnostics;
using Uplift.Files;

namespace Uplift.Execution.Journal;

/// <summary>
/// Keeps two runs on one cluster from overlapping: a lock file created exclusively (O_EXCL), holding pid, host and
/// start time. A lock left by a process of this host that no longer exists (killed, crashed) is stale: it is taken
/// over and <see cref="TakenOver"/> says whose it was. A lock of a live process, or of another host, is refused.
/// </summary>
public sealed class RunLock : IDisposable
{
    private readonly string _path;
    private readonly LockHolder _holder;
    private bool _released;

    private RunLock(string path, LockHolder holder, LockHolder? takenOver)
    {
        _path = path;
        _holder = holder;
        TakenOver = takenOver;
    }

    /// <summary>The stale holder this lock replaced; null when the lock was free.</summary>
    public LockHolder? TakenOver { get; }

    public static RunLock Acquire(string path, TimeProvider time)
    {
        PrivateFile.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var self = Process.GetCurrentProcess();
        var holder = new LockHolder(Environment.ProcessId, Environment.MachineName, time.GetUtcNow(), self.StartTime.ToUniversalTime());
        LockHolder? stale = null;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            if (TryCreate(path, holder))
            {
                return new RunLock(path, holder, stale);
            }
            var text = ReadOrEmpty(path);
            var existing = LockHolder.Read(text);
            if (existing is null || !IsDead(existing))
            {
                throw new InputException(
                    existing is null
                        ? $"the cluster's lock {path} exists but cannot be read (another run is starting?)"
                        : $"another run holds the cluster's lock: {existing}",
                    hint: existing is not null && existing.Host != Environment.MachineName
                        ? $"wait for it to end; if that run is gone, delete {path}"
                        : $"wait for it to end (uplift status shows its progress); if you are sure no run is going on, delete {path}");
            }
            stale = existing;
            // Only one of two processes taking over the same stale lock wins the rename; the other retries and finds it live.
            var moved = path + "." + Environment.ProcessId + ".stale";
            try
            {
                File.Move(path, moved);
            }
            catch (FileNotFoundException)
            {
                continue;
            }
            if (ReadOrEmpty(moved) != text)
            {
                // Another process took the stale lock over first and we moved its fresh lock: give it back.
                File.Move(moved, path);
                continue;
            }
            File.Delete(moved);
        }
        throw new InputException($"cannot take the cluster's lock {path}: it keeps changing", hint: "another run is starting; try again");
    }

    public void Dispose()
    {
        if (_released)
        {
            return;
        }
        _released = true;
        // Remove the file only while it is still ours.
        if (LockHolder.Read(ReadOrEmpty(_path)) is { } current && current.ProcessId == _holder.ProcessId && current.Host == _holder.Host)
        {
            File.Delete(_path);
        }
    }

    private static bool TryCreate(string path, LockHolder holder)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.Read);
            using var writer = new StreamWriter(stream);
            writer.Write(holder.Write());
            writer.Flush();
            stream.Flush(flushToDisk: true);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>Dead: same host and no process with that pid, or a process with that pid started at another time (pid reused).</summary>
    private static bool IsDead(LockHolder holder)
    {
        if (holder.Host != Environment.MachineName)
        {
            return false;
        }
        try
        {
            using var process = Process.GetProcessById(holder.ProcessId);
            if (process.HasExited)
            {
                return true;
            }
            return holder.ProcessStarted is { } started &&
                (process.StartTime.ToUniversalTime() - started.UtcDateTime).Duration() > TimeSpan.FromSeconds(2);
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private static string ReadOrEmpty(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (FileNotFoundException)
        {
            return "";
        }
    }
}
