namespace FleetTui.Ui.Keys;

/// <summary>Everything the cockpit does on a key. Config names are the snake_case of these (<c>toggle_sidebar</c>).</summary>
public enum UiCommand
{
    Zoom,
    CycleLayout,
    ToggleSidebar,
    ToggleMergePanel,
    NewTask,
    RestartAgent,
    DestroyTask,
    ScrollMode,
    Help,
    Quit,
    Detach,
    FocusNext,
    FocusPrevious,
    FocusLeft,
    FocusRight,
    FocusUp,
    FocusDown,
    FocusPane1,
    FocusPane2,
    FocusPane3,
    FocusPane4,
    FocusPane5,
    FocusPane6,
    FocusPane7,
    FocusPane8,
    FocusPane9,
    /// <summary>The prefix pressed twice sends the prefix key itself to the focused pane.</summary>
    SendPrefix,
    /// <summary>Send Alt+1 (… Alt+9) to the focused pane: Alt+N alone focuses pane N.</summary>
    SendAlt1,
    SendAlt2,
    SendAlt3,
    SendAlt4,
    SendAlt5,
    SendAlt6,
    SendAlt7,
    SendAlt8,
    SendAlt9,
    /// <summary>Focus the next task that needs attention (waiting for input, exited, setup failed, in review).</summary>
    NextAttention,
    /// <summary>Restart the focused agent with its preset's continue arguments (resume the conversation).</summary>
    RestartAgentContinue,
    /// <summary>Stop the focused agent: SIGINT, then SIGTERM, then SIGKILL.</summary>
    StopAgent,
    /// <summary>Mark the focused pane's task done by hand (its phase becomes Done).</summary>
    MarkFocusedTaskDone,
    /// <summary>Show the focused task's ticket (and the fleet's context) in an overlay.</summary>
    ShowTicket,
    /// <summary>Explain the focused agent's state: its source, the rule that matched, the evidence, the last transitions.</summary>
    ExplainAgent,
    /// <summary>Cycle what the focused pane shows: its task's agent, then each of the task's services, then the agent again.</summary>
    CycleServicePane,
    /// <summary>Review the focused (or, in the merge panel, the selected) task's diff: comments back to its agent, approve, reject.</summary>
    ReviewTask,
    /// <summary>Show the merge-order panel and give it the keyboard (its own keys: <see cref="KeyScope.MergePanel"/>).</summary>
    FocusMergePanel,
    MergeNext,
    MergeAllReady,
    MergeSelected,
    RunGate,
    ShowGateLog,
    OpenReview,
    RetryReview,
    MarkDone,
    AcceptScope,
    DropTask,
    SelectNextTask,
    SelectPreviousTask,
    LeavePanel,
}
