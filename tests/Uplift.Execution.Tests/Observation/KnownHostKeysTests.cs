using Uplift.Upgrade.Observation;

namespace Uplift.Tests.Observation;

/// <summary>Reading a node's host keys out of known_hosts, plain and hashed (HashKnownHosts).</summary>
public class KnownHostKeysTests
{
    // Made here: ssh-keygen -t ed25519 -f hk; the key recorded for [127.0.10.1]:2222, then hashed with ssh-keygen -H -f;
    // `ssh-keygen -lf hk.pub` printed "256 SHA256:fr6k55YHfflhFAKRiGX1RJd8l2/Z81fL/ShBtTA9ijg x (ED25519)".
    private const string Key = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIMzY9kB8zsvxRJiof0U09hzPU/bEpTeYqyR5TuZmcwXZ";
    private const string Fingerprint = "SHA256:fr6k55YHfflhFAKRiGX1RJd8l2/Z81fL/ShBtTA9ijg";
    private const string Hashed = "|1|cOEN6xBxLQPmN9hXhH1RpF/sKdw=|8ILrfyEwfhz2nQWtKozbfjDXYhU= " + Key;

    [Fact]
    public void Given_a_plain_entry_for_a_port_When_read_Then_its_fingerprint_is_ssh_keygens() =>
        KnownHostKeys.Fingerprints($"[127.0.10.1]:2222 {Key}\n", "127.0.10.1", 2222).ShouldBe([Fingerprint]);

    [Fact]
    public void Given_a_hashed_entry_When_read_Then_it_matches_its_host_and_port_only()
    {
        KnownHostKeys.Fingerprints(Hashed + "\n", "127.0.10.1", 2222).ShouldBe([Fingerprint]);
        KnownHostKeys.Fingerprints(Hashed + "\n", "127.0.10.1", 22).ShouldBeEmpty();
        KnownHostKeys.Fingerprints(Hashed + "\n", "127.0.10.11", 2222).ShouldBeEmpty();
    }

    [Fact]
    public void Given_revoked_and_comment_lines_When_read_Then_they_are_not_host_keys() =>
        KnownHostKeys.Fingerprints($"# [127.0.10.1]:2222 {Key}\n@revoked [127.0.10.1]:2222 {Key}\n", "127.0.10.1", 2222).ShouldBeEmpty();
}
