using FleetTui.Cli;

namespace FleetTui;

public static class Program
{
    public static int Main(string[] args) => FleetCommandLine.Run(args, Console.Out, Console.Error);
}
