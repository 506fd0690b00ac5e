namespace FleetTui.Core.Config.Validation;

/// <summary>A port's name appears in <c>{port.&lt;name&gt;}</c> and in <c>FLEET_PORT_&lt;NAME&gt;</c>.</summary>
public static class PortName
{
    public static string? Problem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        if (!char.IsAsciiLetterLower(name[0]))
            return "it must start with a lowercase letter";
        if (name.FirstOrDefault(c => !char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c) && c is not ('_' or '-')) is var bad and not '\0')
            return $"it contains '{bad}' (allowed: a-z, 0-9, '_', '-')";
        return null;
    }
}
