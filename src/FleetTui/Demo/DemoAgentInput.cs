namespace FleetTui.Demo;

/// <summary>What reaches the demo agent from its terminal: a key, or a change of size.</summary>
public abstract record DemoAgentInput
{
    private DemoAgentInput() { }

    public sealed record Key(ConsoleKeyInfo Info) : DemoAgentInput;

    public sealed record Resized : DemoAgentInput;

    public static DemoAgentInput Press(char character, ConsoleKey key = default) =>
        new Key(new ConsoleKeyInfo(character, key, shift: false, alt: false, control: false));

    public static DemoAgentInput Enter { get; } = Press('\r', ConsoleKey.Enter);
}
