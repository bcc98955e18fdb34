using Microsoft.Extensions.Logging;

namespace Pipeline.Analysis.AzureLanguage;

internal static partial class AzureLanguageLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Warning,
        Message = "Azure AI Language {Kind} attempt {Attempt} failed ({Reason}); retrying in {Delay}")]
    public static partial void Retrying(ILogger logger, string kind, int attempt, string reason, TimeSpan delay);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Debug,
        Message = "Azure AI Language {Kind}: {Documents} documents, {Characters} characters")]
    public static partial void Sending(ILogger logger, string kind, int documents, int characters);
}
