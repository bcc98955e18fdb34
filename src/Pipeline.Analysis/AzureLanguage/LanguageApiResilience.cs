using System.Globalization;
using System.Text.Json;
using Azure;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// The single resilience layer for the Language API (Azure.Core's own retry is switched off):
/// a per-attempt timeout inside bounded exponential retries with jitter that honour Retry-After (capped).
/// After the last attempt the transient exception propagates, so the Functions trigger retries the article.
/// </summary>
internal static class LanguageApiResilience
{
    public static readonly ResiliencePropertyKey<string> KindKey = new("azure-language.kind");

    // 408 and 429 and the gateway/server 5xx family; 400/401/403/404/409/413 are permanent.
    // 403 in particular: the F0 quota answer carries a ~15-day Retry-After that must not be honoured.
    private static readonly HashSet<int> TransientStatuses = [408, 429, 500, 502, 503, 504];

    public static ResiliencePipeline Create(AzureLanguageOptions options, TimeProvider timeProvider, ILogger logger)
    {
        var builder = new ResiliencePipelineBuilder { TimeProvider = timeProvider };
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.RetryDelay,
                MaxDelay = options.MaxRetryDelay,
                ShouldHandle = args => ValueTask.FromResult(IsTransient(args.Outcome.Exception)),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter(args.Outcome.Exception, timeProvider, options.MaxRetryDelay)),
                OnRetry = args =>
                {
                    var kind = args.Context.Properties.GetValue(KindKey, "?");
                    AzureLanguageLog.Retrying(logger, kind, args.AttemptNumber + 1, Describe(args.Outcome.Exception), args.RetryDelay);
                    return default;
                },
            });
        }

        return builder.AddTimeout(options.RequestTimeout).Build();
    }

    public static bool IsTransient(Exception? exception) => exception switch
    {
        RequestFailedException e => e.Status == 0 || TransientStatuses.Contains(e.Status), // 0: no response (connection failure)
        TimeoutRejectedException => true,
        AzureLanguageProtocolException => true,
        IOException => true,
        _ => false,
    };

    /// <summary>The server's requested wait (retry-after-ms, x-ms-retry-after-ms, Retry-After seconds or date), capped; null for none.</summary>
    public static TimeSpan? RetryAfter(Exception? exception, TimeProvider timeProvider, TimeSpan cap)
    {
        if (exception is not RequestFailedException failed || failed.GetRawResponse() is not { } response)
        {
            return null;
        }

        TimeSpan? wait = null;
        if ((response.Headers.TryGetValue("retry-after-ms", out var ms) || response.Headers.TryGetValue("x-ms-retry-after-ms", out ms))
            && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis) && millis >= 0)
        {
            wait = TimeSpan.FromMilliseconds(millis);
        }
        else if (response.Headers.TryGetValue("Retry-After", out var value))
        {
            if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) && seconds >= 0)
            {
                wait = TimeSpan.FromSeconds(seconds);
            }
            else if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                var delta = at - timeProvider.GetUtcNow();
                wait = delta > TimeSpan.Zero ? delta : TimeSpan.Zero;
            }
        }

        return wait is { } w && w > cap ? cap : wait;
    }

    private static string Describe(Exception? exception) => exception switch
    {
        RequestFailedException e => "HTTP " + e.Status.ToString(CultureInfo.InvariantCulture),
        TimeoutRejectedException => "timeout",
        AzureLanguageProtocolException or JsonException => "unreadable response",
        null => "no exception",
        _ => exception.GetType().Name,
    };
}
