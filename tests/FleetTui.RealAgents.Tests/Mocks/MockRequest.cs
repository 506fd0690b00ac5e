namespace FleetTui.RealAgents.Tests.Mocks;

/// <summary>One HTTP request as the mock server read it: method, path (with query), headers (lower-case names), body text.</summary>
public sealed record MockRequest(string Method, string Path, IReadOnlyDictionary<string, string> Headers, string Body);
