namespace Uplift.Haproxy;

/// <summary>A command of an <see cref="AdminBatch"/>, whatever its result type.</summary>
internal interface IBatched
{
    string Text { get; }

    string? Backend { get; }

    string? Server { get; }

    /// <summary>Throws the typed error of HAProxy's reply, if it is one.</summary>
    void Check(string location, string reply);

    /// <summary>Parses the reply; false when the server sought is not in it.</summary>
    bool Read(string location, string reply);
}
