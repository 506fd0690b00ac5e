namespace FleetTui.Core.Config.Templates;

/// <summary>
/// Follows the quoting of a POSIX <c>sh</c> command as it is read left to right: plain words, '…', "…", $(…) and `…` nested in each
/// other, backslash escapes. Enough to know, at any point, which kind of quote a template variable sits in. Heredocs, comments and
/// bash-only quoting ($'…') are not followed; a wrong guess only ever misquotes a value, it never runs one (see
/// <see cref="ShellCommandTemplate"/>).
/// </summary>
internal sealed class ShellQuoteScanner
{
    private readonly Stack<(ShellQuoteContext Context, int OpenParens)> _frames = new([(ShellQuoteContext.Plain, 0)]);
    private bool _escaped;

    public ShellQuoteContext Context => _frames.Peek().Context;

    public void Advance(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (_escaped)
            {
                _escaped = false;
                continue;
            }

            var (context, parens) = _frames.Peek();
            switch (context)
            {
                case ShellQuoteContext.SingleQuoted:
                    if (c == '\'')
                        _frames.Pop();
                    break;
                case ShellQuoteContext.DoubleQuoted:
                    if (c == '\\')
                        _escaped = true;
                    else if (c == '"')
                        _frames.Pop();
                    else if (c == '$' && Next(text, i) == '(')
                        i = OpenCommandSubstitution(i);
                    else if (c == '`')
                        _frames.Push((ShellQuoteContext.Backquoted, 0));
                    break;
                default: // plain words, inside $( ) and inside ` `
                    if (c == '\\')
                        _escaped = true;
                    else if (c == '\'')
                        _frames.Push((ShellQuoteContext.SingleQuoted, 0));
                    else if (c == '"')
                        _frames.Push((ShellQuoteContext.DoubleQuoted, 0));
                    else if (c == '$' && Next(text, i) == '(')
                        i = OpenCommandSubstitution(i);
                    else if (c == '`')
                        ToggleBackquote();
                    else if (c == '(' && context == ShellQuoteContext.CommandSubstitution)
                        Replace((context, parens + 1));
                    else if (c == ')' && context == ShellQuoteContext.CommandSubstitution)
                        CloseParen(parens);
                    break;
            }
        }
    }

    private static char Next(string text, int i) => i + 1 < text.Length ? text[i + 1] : '\0';

    private int OpenCommandSubstitution(int dollar)
    {
        _frames.Push((ShellQuoteContext.CommandSubstitution, 0));
        return dollar + 1; // the '(' is consumed with the '$'
    }

    private void ToggleBackquote()
    {
        if (Context == ShellQuoteContext.Backquoted)
            _frames.Pop();
        else
            _frames.Push((ShellQuoteContext.Backquoted, 0));
    }

    private void CloseParen(int openParens)
    {
        if (openParens > 0)
            Replace((ShellQuoteContext.CommandSubstitution, openParens - 1));
        else if (_frames.Count > 1)
            _frames.Pop();
    }

    private void Replace((ShellQuoteContext, int) frame)
    {
        _frames.Pop();
        _frames.Push(frame);
    }
}

/// <summary>Where a character of a shell command sits, as far as quoting goes.</summary>
internal enum ShellQuoteContext
{
    Plain,
    SingleQuoted,
    DoubleQuoted,
    CommandSubstitution,
    Backquoted,
}
