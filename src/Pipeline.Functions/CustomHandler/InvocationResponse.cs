using System.Text.Json.Serialization;

namespace Pipeline.Functions.CustomHandler;

/// <summary>
/// The custom handler's answer to a non-HTTP invocation (HttpScriptInvocationResult on the host side).
/// Logs show up in the invocation log / Application Insights. No function here has output bindings.
/// </summary>
public sealed record InvocationResponse(
    IReadOnlyDictionary<string, string> Outputs,
    IReadOnlyList<string> Logs,
    string? ReturnValue)
{
    public static InvocationResponse WithLogs(params string[] logs) =>
        new(new Dictionary<string, string>(), logs, null);
}

/// <summary>Source-generated JSON (Native AOT): property names stay PascalCase as the host expects.</summary>
[JsonSerializable(typeof(InvocationResponse))]
public sealed partial class CustomHandlerJsonContext : JsonSerializerContext;
