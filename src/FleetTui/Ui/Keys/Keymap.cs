namespace FleetTui.Ui.Keys;

/// <summary>
/// Keybindings as data: the dispatcher, the status-bar hints and the help overlay all read this one list, so what the
/// help says is what the keys do.
/// </summary>
public sealed record Keymap(KeyChord Prefix, IReadOnlyList<KeyBinding> Bindings)
{
    public static readonly KeyChord DefaultPrefix = new("g", Ctrl: true);

    /// <summary>The built-in bindings, with <c>prefix</c> standing for <paramref name="prefix"/>.</summary>
    public static Keymap Default(KeyChord? prefix = null)
    {
        var p = prefix ?? DefaultPrefix;
        KeyBinding Bind(UiCommand command, string description, params string[] keys) =>
            new(command, keys.Select(k => KeySequence.TryParse(k, p, out _)!).ToList(), description);

        var bindings = new List<KeyBinding>
        {
            Bind(UiCommand.Zoom, "Zoom the focused pane (toggle)", "prefix z"),
            Bind(UiCommand.CycleLayout, "Next layout: tiled, main+stack, zoom", "prefix space"),
            Bind(UiCommand.ToggleSidebar, "Show or hide the task sidebar", "prefix b"),
            Bind(UiCommand.ToggleMergePanel, "Show or hide the merge-order panel", "prefix m"),
            Bind(UiCommand.NewTask, "New task", "prefix n"),
            Bind(UiCommand.RestartAgent, "Restart the focused task's agent (or the service its pane shows)", "prefix r"),
            Bind(UiCommand.DestroyTask, "Destroy the focused task (asks first)", "prefix x"),
            Bind(UiCommand.ScrollMode, "Scroll mode: history, / search, copy", "prefix ["),
            Bind(UiCommand.Help, "This help", "prefix ?"),
            Bind(UiCommand.Quit, "Quit: detach, or stop the agents and the host (asks)", "prefix q"),
            Bind(UiCommand.Detach, "Detach: leave the cockpit, agents keep running", "prefix d"),
            Bind(UiCommand.FocusNext, "Focus the next pane", "prefix o", "prefix tab"),
            Bind(UiCommand.FocusPrevious, "Focus the previous pane", "prefix p"),
            Bind(UiCommand.FocusLeft, "Focus the pane to the left", "prefix left", "prefix h"),
            Bind(UiCommand.FocusRight, "Focus the pane to the right", "prefix right", "prefix l"),
            Bind(UiCommand.FocusUp, "Focus the pane above", "prefix up", "prefix k"),
            Bind(UiCommand.FocusDown, "Focus the pane below", "prefix down", "prefix j"),
        };
        for (var n = 1; n <= 9; n++)
            bindings.Add(Bind(UiCommand.FocusPane1 + (n - 1), $"Focus pane {n}", $"alt+{n}", $"prefix {n}"));
        bindings.Add(Bind(UiCommand.SendPrefix, $"Send {p} itself to the pane", "prefix prefix"));
        for (var n = 1; n <= 9; n++)
            bindings.Add(Bind(UiCommand.SendAlt1 + (n - 1), $"Send Alt+{n} itself to the pane", $"prefix alt+{n}"));
        bindings.Add(Bind(UiCommand.NextAttention, "Focus the next task needing attention", "prefix a"));
        bindings.Add(Bind(UiCommand.RestartAgentContinue, "Restart the focused agent, continuing its session", "prefix R"));
        bindings.Add(Bind(UiCommand.StopAgent, "Stop the focused agent, SIGINT then SIGTERM then SIGKILL (or the service its pane shows)", "prefix s"));
        bindings.Add(Bind(UiCommand.MarkFocusedTaskDone, "Mark the focused task done", "prefix D"));
        bindings.Add(Bind(UiCommand.ShowTicket, "Show the focused task's ticket", "prefix t"));
        bindings.Add(Bind(UiCommand.ExplainAgent, "Explain the focused agent's state (why working, waiting, idle…)", "prefix e"));
        bindings.Add(Bind(UiCommand.CycleServicePane, "Show the focused task's next service in its pane (web, api…, then the agent)", "prefix w"));
        bindings.Add(Bind(UiCommand.ReviewTask, "Review the focused task's diff (comment, approve, reject)", "prefix v"));
        bindings.Add(Bind(UiCommand.FocusMergePanel, "Merge panel: show it and give it the keys below", "prefix M", "prefix g"));
        bindings.AddRange(MergePanelBindings(p));
        return new Keymap(p, bindings);
    }

    /// <summary>Single keys while the merge-order panel has the keyboard (lazygit style: select, then act).</summary>
    private static IEnumerable<KeyBinding> MergePanelBindings(KeyChord prefix)
    {
        KeyBinding Bind(UiCommand command, string description, params string[] keys) =>
            new(command, keys.Select(k => KeySequence.TryParse(k, prefix, out _)!).ToList(), description, KeyScope.MergePanel);

        yield return Bind(UiCommand.SelectNextTask, "Select the next task", "j", "down");
        yield return Bind(UiCommand.SelectPreviousTask, "Select the previous task", "k", "up");
        yield return Bind(UiCommand.MergeNext, "Merge the next ready task (gate first)", "n");
        yield return Bind(UiCommand.MergeAllReady, "Merge every ready task, in order", "M");
        yield return Bind(UiCommand.MergeSelected, "Merge the selected task", "m");
        yield return Bind(UiCommand.RunGate, "Run the selected task's gate", "g");
        yield return Bind(UiCommand.ShowGateLog, "Show the selected task's last gate log", "l");
        yield return Bind(UiCommand.ReviewTask, "Review the selected task's diff (comment, approve, reject)", "enter", "v");
        yield return Bind(UiCommand.OpenReview, "Open: focus its pane, show conflicting paths", "o");
        yield return Bind(UiCommand.RetryReview, "Retry a task in review (after its agent fixed it)", "r");
        yield return Bind(UiCommand.MarkDone, "Mark the selected task done (agent finished)", "d");
        yield return Bind(UiCommand.AcceptScope, "Accept the selected task's files outside its scope", "a");
        yield return Bind(UiCommand.DropTask, "Drop the selected task (asks, shows what is lost)", "x");
        yield return Bind(UiCommand.Help, "This help", "?");
        yield return Bind(UiCommand.LeavePanel, "Give the keys back to the panes", "esc", "q");
    }

    public KeyBinding? Find(UiCommand command, KeyScope scope = KeyScope.Global) => Bindings.FirstOrDefault(b => b.Command == command && b.Scope == scope);

    /// <summary>The first key of a command as the help and hints show it (<c>Ctrl+G z</c>), or null when unbound.</summary>
    public string? FirstKeyText(UiCommand command, KeyScope scope = KeyScope.Global) => Find(command, scope)?.Keys.FirstOrDefault()?.ToString();

    /// <summary>
    /// A copy where <paramref name="command"/> runs on <paramref name="keys"/> only (an empty list unbinds it), in the scope
    /// of its first binding: <c>help</c> rebinds the global help, and <c>?</c> inside the merge panel stays.
    /// </summary>
    public Keymap Rebind(UiCommand command, IReadOnlyList<KeySequence> keys)
    {
        var scope = Bindings.FirstOrDefault(b => b.Command == command)?.Scope ?? KeyScope.Global;
        return this with { Bindings = Bindings.Select(b => b.Command == command && b.Scope == scope ? b with { Keys = keys } : b).ToList() };
    }
}
