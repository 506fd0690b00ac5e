namespace FleetTui.Core.Config;

/// <summary>How a task names its agent: a preset's name, or its own argv.</summary>
public abstract record AgentRef
{
    private AgentRef() { }

    public sealed record PresetRef(string Name) : AgentRef;

    public sealed record CommandRef(IReadOnlyList<string> Argv) : AgentRef
    {
        public bool Equals(CommandRef? other) => other is not null && Argv.SequenceEqual(other.Argv);
        public override int GetHashCode() => Argv.Aggregate(17, (h, a) => h * 31 + a.GetHashCode(StringComparison.Ordinal));
    }

    public static AgentRef Preset(string name) => new PresetRef(name);

    public static AgentRef Command(IReadOnlyList<string> argv) => new CommandRef(argv);
}
