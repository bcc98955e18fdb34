using System.ComponentModel.DataAnnotations;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>Configuration section "Analysis:AzureLanguage": the Azure AI Language resource and how to call it.</summary>
public sealed class AzureLanguageOptions
{
    public const string SectionName = "AzureLanguage";

    /// <summary>The resource endpoint, e.g. https://my-language.cognitiveservices.azure.com. Plain http only for loopback (test stubs).</summary>
    [Required]
    [HttpsOrLoopbackUri]
    public Uri? Endpoint { get; set; }

    /// <summary>Resource key. When absent, Microsoft Entra ID is used (managed identity or DefaultAzureCredential).</summary>
    public string? ApiKey { get; set; }

    /// <summary>Client id of a user-assigned managed identity; used only when <see cref="ApiKey"/> is absent.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The `api-version` query parameter; 2023-04-01 is the newest GA version the TextAnalytics SDK line supports.</summary>
    [Required]
    [RegularExpression(@"^\d{4}-\d{2}-\d{2}(-preview)?$")]
    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>Retries after the first attempt for 408/429/5xx, timeouts and unreadable responses.</summary>
    [Range(0, 10)]
    public int MaxRetries { get; set; } = 3;

    /// <summary>Per-attempt timeout for one `:analyze-text` call.</summary>
    [TimeSpanRange("00:00:00.050", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff delay; doubles per attempt, with jitter.</summary>
    [TimeSpanRange("00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.8);

    /// <summary>Upper bound for any single wait, including one asked for by a Retry-After header.</summary>
    [TimeSpanRange("00:00:00", "00:10:00")]
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Documents per SentimentAnalysis request (service limit 10).</summary>
    [Range(1, 10)]
    public int SentimentBatchSize { get; set; } = 10;

    /// <summary>Documents per KeyPhraseExtraction request (service limit 10).</summary>
    [Range(1, 10)]
    public int KeyPhraseBatchSize { get; set; } = 10;

    /// <summary>Documents per EntityRecognition request (service limit 5).</summary>
    [Range(1, 5)]
    public int EntityBatchSize { get; set; } = 5;

    /// <summary>Documents per LanguageDetection request (service limit 1000).</summary>
    [Range(1, 1000)]
    public int LanguageDetectionBatchSize { get; set; } = 1000;

    /// <summary>Longest document sent, in UTF-16 code units; longer articles are chunked at sentence boundaries (service limit 5,120).</summary>
    [Range(64, 5120)]
    public int MaxDocumentLength { get; set; } = 5120;
}
