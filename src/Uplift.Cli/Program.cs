namespace Uplift.Cli;

public static class Program
{
    public static int Main(string[] args) => UpliftCommandLine.Run(args);
}
