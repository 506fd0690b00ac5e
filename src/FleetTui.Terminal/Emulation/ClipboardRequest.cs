namespace FleetTui.Terminal.Emulation;

/// <summary>
/// OSC 52: a program wants to set the clipboard (<see cref="Text"/> holds the decoded text) or to read it
/// (<see cref="IsQuery"/>; answer with <c>VirtualTerminal.AnswerClipboardQuery</c> if the UI allows it).
/// <see cref="Selection"/> is the selection parameter (<c>c</c>, <c>p</c>, <c>s</c>, ...; empty means <c>s 0</c>).
/// </summary>
public sealed record ClipboardRequest(string Selection, string? Text)
{
    public bool IsQuery => Text is null;
}
