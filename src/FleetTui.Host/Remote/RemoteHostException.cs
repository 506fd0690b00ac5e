namespace FleetTui.Host.Remote;

/// <summary>A remote host could not be used; the message says why and how to fix it.</summary>
/// <param name="said">ssh's own words when ssh could not connect (the cockpit's sidebar shows them alone), else null.</param>
public sealed class RemoteHostException(string message, string? said = null) : Exception(message)
{
    public string? Said => said;
}
