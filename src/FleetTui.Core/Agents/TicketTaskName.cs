using System.Text;
using FleetTui.Core.Config.Validation;

namespace FleetTui.Core.Agents;

/// <summary>Turns a ticket's file name ("03 Cart Filters.md") into a valid task name ("03-cart-filters").</summary>
public static class TicketTaskName
{
    public static string FromFileName(string fileName)
    {
        var stem = Path.GetFileNameWithoutExtension(fileName).ToLowerInvariant();
        var name = new StringBuilder(stem.Length);
        // Anything outside the task-name alphabet (spaces, punctuation, non-ASCII letters) becomes one '-'.
        // (No accent folding: the app runs with invariant globalization, where Unicode normalization is unavailable.)
        foreach (var c in stem)
        {
            if (char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '_' or '.')
                name.Append(c);
            else if (name.Length > 0 && name[^1] != '-')
                name.Append('-');
        }

        var text = name.ToString();
        while (text.Contains("..", StringComparison.Ordinal))
            text = text.Replace("..", ".", StringComparison.Ordinal);
        text = text.TrimStart('-', '.', '_');
        if (text.Length > TaskName.MaxLength)
            text = text[..TaskName.MaxLength];
        text = text.TrimEnd('-', '.', '_');
        if (text.EndsWith(".lock", StringComparison.Ordinal))
            text = text[..^".lock".Length] + "-lock";
        return text.Length == 0 ? "ticket" : text;
    }
}
