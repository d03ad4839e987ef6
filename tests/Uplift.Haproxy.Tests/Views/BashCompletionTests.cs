using System.Diagnostics;
using Uplift.Haproxy;

namespace Uplift.Tests.Views;

/// <summary>The completion script run by a real bash, with a stand-in `uplift` that records (in a file) how it was asked for names.</summary>
public sealed class BashCompletionTests
{
    private static async Task<(string Words, string Asked)> CompleteAsync(params string[] line)
    {
        var script = Path.Combine(Path.GetTempPath(), $"uplift-completion-{Guid.NewGuid():N}.bash");
        try
        {
            await File.WriteAllTextAsync(script, BashCompletion.Script + """
                uplift() {
                    echo "uplift $*" >> "$0.asked"
                    case $2 in
                        list-backends) printf 'novabe\nkeystonepubbe\n' ;;
                        list-servers) printf 'ctl1\nctl2\nctl10\n' ;;
                    esac
                }
                COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 ))
                _uplift_haproxy
                echo "${COMPREPLY[*]}"
                """);
            var start = new ProcessStartInfo("/bin/bash", [script, .. line]) { RedirectStandardOutput = true };
            using var bash = Process.Start(start)!;
            var words = await bash.StandardOutput.ReadToEndAsync();
            await bash.WaitForExitAsync();
            var asked = File.Exists(script + ".asked") ? await File.ReadAllTextAsync(script + ".asked") : "";
            return (words.Trim(), asked.Trim());
        }
        finally
        {
            File.Delete(script);
            File.Delete(script + ".asked");
        }
    }

    [Fact]
    public async Task Given_uplift_haproxy_When_completed_Then_subcommands_are_offered() =>
        (await CompleteAsync("uplift", "haproxy", "d")).Words.ShouldBe("drain-server disable-server");

    [Fact]
    public async Task Given_a_backend_option_When_completed_Then_backends_come_from_list_backends_on_the_same_socket()
    {
        var (words, asked) = await CompleteAsync("uplift", "haproxy", "list-servers", "--socket", "/run/h.sock", "-b", "n");

        words.ShouldBe("novabe");
        asked.ShouldBe("uplift haproxy list-backends --socket /run/h.sock");
    }

    [Fact]
    public async Task Given_a_server_option_When_completed_Then_servers_of_that_backend_come_by_exact_name()
    {
        var (words, asked) = await CompleteAsync("uplift", "haproxy", "drain-server", "-i", "inv.yaml", "--node", "ctl1", "-b", "novabe", "-s", "ctl1");

        words.ShouldBe("ctl1 ctl10");
        asked.ShouldBe("uplift haproxy list-servers -b novabe --names -i inv.yaml --node ctl1");
    }

    [Fact]
    public async Task Given_drain_server_When_an_option_is_completed_Then_its_options_are_offered() =>
        (await CompleteAsync("uplift", "haproxy", "drain-server", "--w")).Words.ShouldBe("--wait");
}
