using System.CommandLine;
using Uplift.Diagnostics;

namespace Uplift.Cli.Commands;

/// <summary>
/// `uplift completion bash|zsh`: a shell completion script. The shell asks uplift itself what may come next, through
/// System.CommandLine's suggest directive (`uplift "[suggest:N]" "LINE"`, N the cursor's place in LINE, the words after
/// the program's name): commands, options, and the values some options know (release names).
/// </summary>
internal static class CompletionCommand
{
    public static IEnumerable<Command> Create()
    {
        var shell = new Argument<string>("SHELL") { Description = "bash or zsh" };
        shell.CompletionSources.Add("bash", "zsh");
        var command = new Command("completion", "Print a completion script for bash or zsh: source it, or install it as /usr/share/bash-completion/completions/uplift.") { shell };
        command.SetAction(parse =>
        {
            var script = parse.GetValue(shell) switch
            {
                "bash" => Bash,
                "zsh" => Zsh,
                var other => throw new InputException($"no completion script for the shell '{other}'{Suggestion.DidYouMean(other ?? "", ["bash", "zsh"])}", hint: "give bash or zsh"),
            };
            parse.InvocationConfiguration.Output.Write(script);
            return UpliftCommandLine.Success;
        });
        return [command];
    }

    /// <summary>bash: the line up to the cursor, without the program's own word, is what uplift completes.</summary>
    public const string Bash = """
        # bash completion for uplift (uplift completion bash); the completions come from uplift itself.
        _uplift() {
            local line=${COMP_LINE:0:$COMP_POINT}
            local rest=${line#"${COMP_WORDS[0]}"}
            rest=${rest#"${rest%%[![:space:]]*}"}
            local IFS=$'\n'
            COMPREPLY=($(compgen -W "$("${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null)" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _uplift uplift

        """;

    /// <summary>zsh: the same through the buffer up to the cursor.</summary>
    public const string Zsh = """
        #compdef uplift
        # zsh completion for uplift (uplift completion zsh); the completions come from uplift itself.
        _uplift() {
            local line=${BUFFER[1,CURSOR]}
            local rest=${line#${words[1]}}
            rest=${rest##[[:space:]]#}
            local -a suggestions
            suggestions=("${(@f)$(${words[1]} "[suggest:${#rest}]" "$rest" 2>/dev/null)}")
            compadd -- "${suggestions[@]}"
        }
        compdef _uplift uplift

        """;
}
