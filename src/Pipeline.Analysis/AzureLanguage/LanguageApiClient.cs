using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Microsoft.Extensions.Logging;
using Pipeline.Analysis.AzureLanguage.Wire;
using Pipeline.Core.Analysis;
using Polly;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>
/// Hand-written client for POST {endpoint}/language/:analyze-text on Azure.Core (the local NuGet copy lacks
/// Azure.AI.TextAnalytics). One call = one batch of documents of one kind; results come back in input order.
/// </summary>
internal sealed class LanguageApiClient
{
    public const string CognitiveServicesScope = "https://cognitiveservices.azure.com/.default";
    public const string KeyHeader = "Ocp-Apim-Subscription-Key";

    // innererror codes of a whole-request 400 that blame the text rather than our request (spec §5).
    private static readonly HashSet<string> DocumentProblemCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "InvalidDocument", "UnsupportedLanguageCode", "InvalidCountryHint", "EmptyRequest", "MissingInputDocuments",
    };

    private readonly HttpPipeline _pipeline;
    private readonly ResiliencePipeline _resilience;
    private readonly Uri _endpoint;
    private readonly string _apiVersion;
    private readonly ILogger _logger;

    public LanguageApiClient(
        AzureLanguageOptions options,
        TokenCredential? tokenCredential,
        TimeProvider timeProvider,
        ILogger logger,
        HttpPipelineTransport? transport = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _endpoint = options.Endpoint ?? throw new ArgumentException("Endpoint is required.", nameof(options));
        _apiVersion = options.ApiVersion;
        _logger = logger;

        var clientOptions = new LanguageClientOptions();
        clientOptions.Retry.MaxRetries = 0; // one retry layer: Polly (LanguageApiResilience), not Azure.Core as well.
        clientOptions.Retry.NetworkTimeout = Timeout.InfiniteTimeSpan; // the per-attempt timeout lives in Polly too.
        if (transport is not null)
        {
            clientOptions.Transport = transport;
        }

        HttpPipelinePolicy auth = !string.IsNullOrEmpty(options.ApiKey)
            ? new SubscriptionKeyPolicy(new AzureKeyCredential(options.ApiKey))
            : new BearerTokenAuthenticationPolicy(
                tokenCredential ?? throw new ArgumentException("ApiKey or a TokenCredential is required.", nameof(tokenCredential)),
                CognitiveServicesScope);
        _pipeline = HttpPipelineBuilder.Build(clientOptions, auth);
        _resilience = LanguageApiResilience.Create(options, timeProvider, logger);
    }

    /// <summary>Analyzes one batch. Per-document errors are returned, not thrown: the caller decides what they mean.</summary>
    public async Task<IReadOnlyList<DocumentOutcome>> AnalyzeAsync(
        string kind, TaskParameters parameters, IReadOnlyList<InputDocument> documents, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(
            new AnalyzeTextRequest(kind, parameters, new AnalysisInput(documents)),
            AzureLanguageJsonContext.Default.AnalyzeTextRequest);
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            var characters = documents.Sum(d => d.Text.Length);
            AzureLanguageLog.Sending(_logger, kind, documents.Count, characters);
        }

        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        try
        {
            context.Properties.Set(LanguageApiResilience.KindKey, kind);
            var results = await _resilience.ExecuteAsync(
                static (ctx, state) => state.Self.SendOnceAsync(state.Body, ctx.CancellationToken),
                context,
                (Self: this, Body: body));
            return Match(results, documents);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    private async ValueTask<AnalyzeTextResults> SendOnceAsync(byte[] body, CancellationToken cancellationToken)
    {
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/language/", escape: false);
        request.Uri.AppendPath(":analyze-text", escape: false); // the colon must stay unescaped (spec §1)
        request.Uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        request.Headers.Add(HttpHeader.Names.Accept, "application/json");
        request.Headers.Add(HttpHeader.Names.ContentType, "application/json");
        request.Content = RequestContent.Create(body);

        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        if (response.Status == 200)
        {
            return Parse(response);
        }

        if (response.Status == 400 && ReadError(response) is { } error && error.Innermost.Code is { } code
            && DocumentProblemCodes.Contains(code))
        {
            throw new AnalysisRejectedException(RejectionMessage(error));
        }

        throw new RequestFailedException(response);
    }

    private static AnalyzeTextResults Parse(Response response)
    {
        AnalyzeTextResponse? parsed;
        try
        {
            parsed = JsonSerializer.Deserialize(response.Content.ToMemory().Span, AzureLanguageJsonContext.Default.AnalyzeTextResponse);
        }
        catch (JsonException e)
        {
            throw new AzureLanguageProtocolException("Azure AI Language returned a response that is not valid JSON.", e);
        }

        return parsed?.Results is { Documents: not null } results
            ? results
            : throw new AzureLanguageProtocolException("Azure AI Language returned a response without results.documents.");
    }

    private static ErrorDetail? ReadError(Response response)
    {
        try
        {
            return JsonSerializer.Deserialize(response.Content.ToMemory().Span, AzureLanguageJsonContext.Default.ErrorResponse)?.Error;
        }
        catch (JsonException)
        {
            return null; // not a service error body: reported as RequestFailedException with the raw status.
        }
    }

    // Failed documents appear only in errors[], so join both lists by id (spec §3).
    private static DocumentOutcome[] Match(AnalyzeTextResults results, IReadOnlyList<InputDocument> documents)
    {
        var byId = new Dictionary<string, ResponseDocument>(StringComparer.Ordinal);
        foreach (var d in results.Documents!)
        {
            byId.TryAdd(d.Id ?? "", d);
        }

        var errorsById = new Dictionary<string, ErrorDetail>(StringComparer.Ordinal);
        foreach (var e in results.Errors ?? [])
        {
            if (e.Error is not null)
            {
                errorsById.TryAdd(e.Id ?? "", e.Error);
            }
        }

        var outcomes = new DocumentOutcome[documents.Count];
        for (var i = 0; i < documents.Count; i++)
        {
            var id = documents[i].Id;
            var document = byId.GetValueOrDefault(id);
            var error = document is null ? errorsById.GetValueOrDefault(id) : null;
            outcomes[i] = document is not null || error is not null
                ? new DocumentOutcome(document, error, results.ModelVersion)
                : throw new AzureLanguageProtocolException($"Azure AI Language returned no result and no error for document '{id}'.");
        }

        return outcomes;
    }

    public static string RejectionMessage(ErrorDetail error)
    {
        var inner = error.Innermost;
        var code = inner == error ? error.Code : $"{error.Code}/{inner.Code}";
        return $"Azure AI Language rejected the text ({code}): {inner.Message ?? error.Message}";
    }

    private sealed class LanguageClientOptions : ClientOptions;
}

/// <summary>One document's result or its error (exactly one is set).</summary>
internal sealed record DocumentOutcome(ResponseDocument? Document, ErrorDetail? Error, string? ModelVersion);
