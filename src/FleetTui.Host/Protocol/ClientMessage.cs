using System.Text.Json.Serialization;
using FleetTui.Terminal.Input;

namespace FleetTui.Host.Protocol;

/// <summary>What a client sends the host. A closed hierarchy; the first message of a connection is always <see cref="Hello"/>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(Hello), "hello")]
[JsonDerivedType(typeof(View), "view")]
[JsonDerivedType(typeof(KeyPress), "key")]
[JsonDerivedType(typeof(Paste), "paste")]
[JsonDerivedType(typeof(MouseInput), "mouse")]
[JsonDerivedType(typeof(FocusChange), "focus")]
[JsonDerivedType(typeof(Request), "request")]
[JsonDerivedType(typeof(Detach), "detach")]
public abstract record ClientMessage
{
    private protected ClientMessage() { }

    /// <param name="ReadOnly">Sees everything, sends nothing to agents and changes nothing (<c>fleet attach --read-only</c>).</param>
    public sealed record Hello(int Version, ClientKind Kind, bool ReadOnly = false, ClientColors? Colors = null) : ClientMessage;

    /// <summary>The panes this client shows, their sizes and scroll offsets (sent whenever its layout changes).</summary>
    public sealed record View(IReadOnlyList<PaneViewSpec> Panes, string? Focused) : ClientMessage;

    /// <summary>A key for a task's program; the host encodes it against the program's own modes.</summary>
    public sealed record KeyPress(string Task, Key Key, int Rune, KeyModifiers Modifiers) : ClientMessage
    {
        public static KeyPress Of(string task, KeyInput input) => new(task, input.Key, input.Character.Value, input.Modifiers);

        public KeyInput ToInput() => new(Key, System.Text.Rune.IsValid(Rune) ? new System.Text.Rune(Rune) : default, Modifiers);
    }

    public sealed record Paste(string Task, string Text) : ClientMessage;

    /// <summary>A mouse event at a cell of the task's screen (0-based), for a program that asked for the mouse.</summary>
    public sealed record MouseInput(string Task, MouseEventKind Kind, MouseButton Button, int Column, int Row, KeyModifiers Modifiers) : ClientMessage
    {
        public static MouseInput Of(string task, MouseEvent e) => new(task, e.Kind, e.Button, e.Column, e.Row, e.Modifiers);

        public MouseEvent ToEvent() => new(Kind, Button, Column, Row, Modifiers);
    }

    /// <summary>The pane got or lost the focus (sent to programs that asked for focus events).</summary>
    public sealed record FocusChange(string Task, bool Focused) : ClientMessage;

    /// <summary>A request the host answers with a <see cref="HostMessage.Reply"/> carrying the same id.</summary>
    public sealed record Request(long Id, HostRequest Body) : ClientMessage;

    /// <summary>The client leaves; the agents keep running.</summary>
    public sealed record Detach : ClientMessage;
}
