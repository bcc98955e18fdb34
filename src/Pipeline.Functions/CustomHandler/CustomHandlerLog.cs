using Microsoft.Extensions.Logging;

namespace Pipeline.Functions.CustomHandler;

internal static partial class CustomHandlerLog
{
    [LoggerMessage(Level = LogLevel.Information, Message = "{Function} invocation {InvocationId}: {Message}")]
    public static partial void Invocation(ILogger logger, string function, string? invocationId, string message);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function} invocation {InvocationId} rejected: {Problem}")]
    public static partial void Rejected(ILogger logger, string function, string? invocationId, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} invocation {InvocationId} failed; the host will retry")]
    public static partial void Failed(ILogger logger, Exception exception, string function, string? invocationId);
}
