namespace Pipeline.Functions.CustomHandler;

/// <summary>Endpoint metadata marking POST /{Name} as the invocation endpoint of a non-HTTP function.</summary>
public sealed record CustomHandlerFunction(string Name);
