namespace Uplift.Haproxy;

/// <summary>This HAProxy does not know the command ("Unknown command…"): too old a version, or a typo.</summary>
public sealed class UnknownCommandException(string location, string command, string haproxyText)
    : HaproxyException("HAProxy does not know this command", location, command, haproxyText,
        hint: "check the HAProxy version ('haproxy -v') against doc/management.txt");
