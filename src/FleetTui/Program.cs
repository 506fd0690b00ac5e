namespace FleetTui;

public static class Program
{
    public static int Main(string[] args)
    {
        Console.Error.WriteLine("fleet: not built yet");
        return 1;
    }
}
