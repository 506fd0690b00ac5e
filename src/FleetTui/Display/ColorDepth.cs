namespace FleetTui.Display;

/// <summary>How many colours the terminal fleet runs in can show, as the cockpit will draw with them.</summary>
public enum ColorDepth
{
    /// <summary>TERM unset or <c>dumb</c>: no cursor addressing to count on, so no cockpit.</summary>
    Unusable,
    Colors16,
    Colors256,
    /// <summary>24-bit colour.</summary>
    TrueColor,
}
