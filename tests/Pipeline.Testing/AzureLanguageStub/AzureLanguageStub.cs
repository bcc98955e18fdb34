using System.Globalization;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Pipeline.Testing.AzureLanguageStub;

/// <summary>
/// A local, fault-injecting stand-in for Azure AI Language `POST /language/:analyze-text`, on real Kestrel
/// (127.0.0.1, random ports, http and https with a throw-away certificate). It checks the request the way the
/// service does (api-version, key or bearer auth, kind, batch limits, 5,120-text-element documents, per-kind
/// parameters), answers every kind deterministically (<see cref="StubTextModel"/>), records every request, and
/// injects faults on demand: 429 + Retry-After, 5xx, slow answers, malformed JSON, per-document errors, or a
/// replayed recorded response.
/// </summary>
public sealed class AzureLanguageStub : IAsyncDisposable
{
    public const int MaxDocumentTextElements = 5120;

    private static readonly Dictionary<string, int> MaxDocuments = new(StringComparer.Ordinal)
    {
        ["LanguageDetection"] = 1000,
        ["SentimentAnalysis"] = 10,
        ["KeyPhraseExtraction"] = 10,
        ["EntityRecognition"] = 5,
        ["PiiEntityRecognition"] = 5,
        ["EntityLinking"] = 5,
    };

    // From the service's own UnsupportedLanguageCode message for sentiment (recorded).
    private static readonly HashSet<string> SentimentLanguages = new(StringComparer.OrdinalIgnoreCase)
    {
        "de", "en", "es", "fr", "hi", "it", "ja", "ko", "nl", "no", "pt-BR", "pt-PT", "tr", "zh-Hans", "zh-Hant",
    };

    private readonly WebApplication _app;
    private readonly AzureLanguageStubOptions _options;
    private readonly List<StubRequest> _requests = [];
    private readonly List<FaultRule> _faults = [];
    private readonly Dictionary<string, (int Status, string Body)> _replays = new(StringComparer.Ordinal);

    private AzureLanguageStub(WebApplication app, AzureLanguageStubOptions options, X509Certificate2 certificate)
    {
        _app = app;
        _options = options;
        Certificate = certificate;
    }

    public Uri HttpEndpoint { get; private set; } = null!;
    public Uri HttpsEndpoint { get; private set; } = null!;
    public X509Certificate2 Certificate { get; }
    public string ApiKey => _options.ApiKey;
    public string BearerToken => _options.BearerToken;

    public IReadOnlyList<StubRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<AzureLanguageStub> StartAsync(AzureLanguageStubOptions? options = null)
    {
        options ??= new AzureLanguageStubOptions();
        var certificate = StubCertificate.Create();
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrelHttpsConfiguration();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(IPAddress.Loopback, 0);
            k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate));
        });
        var app = builder.Build();
        var stub = new AzureLanguageStub(app, options, certificate);
        app.Run(stub.HandleAsync);
        await app.StartAsync();

        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        stub.HttpEndpoint = new Uri(addresses.First(a => a.StartsWith("http://", StringComparison.Ordinal)));
        stub.HttpsEndpoint = new Uri(addresses.First(a => a.StartsWith("https://", StringComparison.Ordinal)));
        return stub;
    }

    /// <summary>An HTTP handler that trusts exactly this stub's certificate (for https/bearer tests).</summary>
    public HttpMessageHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert is not null && cert.Thumbprint == Certificate.Thumbprint,
    };

    /// <summary>Injects <paramref name="fault"/> into the next <paramref name="times"/> requests (of <paramref name="kind"/>, or any).</summary>
    public void InjectFault(StubFault fault, int times = 1, string? kind = null)
    {
        lock (_faults)
        {
            _faults.Add(new FaultRule(fault, kind, times));
        }
    }

    /// <summary>Answers every request of <paramref name="kind"/> with this status and body (e.g. a recorded response).</summary>
    public void Replay(string kind, int status, string body)
    {
        lock (_replays)
        {
            _replays[kind] = (status, body);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Certificate.Dispose();
    }

    private async Task HandleAsync(HttpContext context)
    {
        var http = context.Request;
        string body;
        using (var reader = new StreamReader(http.Body, Encoding.UTF8))
        {
            body = await reader.ReadToEndAsync(context.RequestAborted);
        }

        JsonNode? json = null;
        try
        {
            json = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
        }

        var kind = json?["kind"]?.GetValue<string>();
        var parameters = json?["parameters"] as JsonObject;
        var documents = (json?["analysisInput"]?["documents"] as JsonArray ?? [])
            .Select(d => new StubDocument(
                d?["id"]?.GetValue<string>() ?? "",
                d?["text"]?.GetValue<string>() ?? "",
                d?["language"]?.GetValue<string>(),
                d?["countryHint"]?.GetValue<string>()))
            .ToList();
        var apiVersion = http.Query["api-version"].FirstOrDefault();
        var record = new StubRequest(
            _options.TimeProvider.GetUtcNow(), http.Method, http.Path.Value ?? "", http.Path.Value + http.QueryString.Value, apiVersion,
            http.Headers["Ocp-Apim-Subscription-Key"].FirstOrDefault(), http.Headers.Authorization.FirstOrDefault(), http.ContentType,
            kind, parameters?["stringIndexType"]?.GetValue<string>(), parameters?["opinionMining"]?.GetValue<bool>(), documents, body);
        lock (_requests)
        {
            _requests.Add(record);
        }

        if (http.Method != "POST" || http.Path.Value != "/language/:analyze-text")
        {
            await WriteAsync(context, 404, Error("404", "Resource not found"));
            return;
        }

        if (apiVersion is null || !_options.ApiVersions.Contains(apiVersion))
        {
            await WriteAsync(context, 404, Error("404", "Resource not found"));
            return;
        }

        var keyOk = record.SubscriptionKey == _options.ApiKey;
        var tokenOk = record.Authorization == "Bearer " + _options.BearerToken;
        if (!(keyOk ^ tokenOk))
        {
            await WriteAsync(context, 401, Error("401", "Access denied due to invalid subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription and use a correct regional API endpoint for your resource."));
            return;
        }

        if (NextFault(kind) is { } fault)
        {
            switch (fault.Kind)
            {
                case StubFaultKind.Status:
                    if (fault.RetryAfterHeader is not null)
                    {
                        context.Response.Headers.RetryAfter = fault.RetryAfterHeader;
                    }

                    await WriteAsync(context, fault.Status, Error(fault.Code, fault.Message, fault.InnerCode));
                    return;
                case StubFaultKind.MalformedJson:
                    await WriteAsync(context, 200, "{\"kind\":\"" + kind + "Results\",\"results\":{\"documents\":[{\"id\":\"0\",\"sent");
                    return;
                case StubFaultKind.DocumentError:
                    var errors = new JsonArray(documents.Select(d => (JsonNode)DocumentError(d.Id, fault.Code, fault.InnerCode, fault.Message)).ToArray());
                    await WriteAsync(context, 200, Results(kind!, new JsonArray(), errors));
                    return;
                case StubFaultKind.Slow:
                    try
                    {
                        await Task.Delay(fault.Delay, context.RequestAborted);
                    }
                    catch (OperationCanceledException)
                    {
                        return; // the client gave up
                    }

                    break;
            }
        }

        (int Status, string Body)? replay;
        lock (_replays)
        {
            replay = kind is not null && _replays.TryGetValue(kind, out var r) ? r : null;
        }

        if (replay is { } recorded)
        {
            await WriteAsync(context, recorded.Status, recorded.Body);
            return;
        }

        var (status, response) = Answer(record, json, parameters);
        await WriteAsync(context, status, response);
    }

    private static (int Status, string Body) Answer(StubRequest request, JsonNode? json, JsonObject? parameters)
    {
        if (json is null || request.ContentType?.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) != true)
        {
            return (400, Error("InvalidRequest", "Invalid Request.", "InvalidRequestBodyFormat", "Request body must be JSON with Content-Type application/json."));
        }

        var kind = request.Kind;
        if (kind is null || !MaxDocuments.TryGetValue(kind, out var max))
        {
            return (400, Error("InvalidRequest", "Invalid Request.", "InvalidParameterValue", $"Unknown task kind '{kind}'."));
        }

        if (request.Documents.Count == 0)
        {
            return (400, Error("InvalidRequest", "Invalid Request.", "MissingInputDocuments", "Missing input documents."));
        }

        if (request.Documents.Count > max)
        {
            return (400, Error("InvalidRequest", "Invalid document in request.", "InvalidDocumentBatch",
                $"Batch request contains too many records. Max {max} records are permitted."));
        }

        if (request.Documents.Select(d => d.Id).Distinct(StringComparer.Ordinal).Count() != request.Documents.Count)
        {
            return (400, Error("InvalidRequest", "Invalid Request.", "InvalidDocument", "Request contains duplicated Ids. Make sure each document has a unique Id."));
        }

        var offsets = kind is "SentimentAnalysis" or "EntityRecognition" or "PiiEntityRecognition" or "EntityLinking";
        if (offsets && request.StringIndexType != "Utf16CodeUnit")
        {
            // The real default is TextElements_v8; this stub only computes UTF-16 offsets, so it insists.
            return (400, Error("InvalidRequest", "Invalid parameter.", "InvalidParameterValue", "The stub requires stringIndexType=Utf16CodeUnit."));
        }

        if (!offsets && parameters?["stringIndexType"] is not null)
        {
            return (400, Error("InvalidRequest", "Invalid parameter.", "InvalidParameterValue", $"stringIndexType is not a parameter of {kind}."));
        }

        var results = new JsonArray();
        var errors = new JsonArray();
        var index = 0;
        foreach (var document in request.Documents)
        {
            var language = document.Language ?? "en";
            if (document.Text.Length == 0)
            {
                errors.Add(DocumentError(document.Id, "InvalidArgument", "InvalidDocument", "Document text is empty."));
            }
            else if (new StringInfo(document.Text).LengthInTextElements > MaxDocumentTextElements)
            {
                errors.Add(DocumentError(document.Id, "InvalidArgument", "InvalidDocument",
                    "A document within the request was too large to be processed. Limit document size to: 5120 text elements. For additional details on the data limitations see https://aka.ms/text-analytics-data-limits"));
            }
            else if (kind == "SentimentAnalysis" && !SentimentLanguages.Contains(language))
            {
                errors.Add(DocumentError(document.Id, "InvalidArgument", "UnsupportedLanguageCode",
                    "Invalid language code. Supported languages: de,en,es,fr,hi,it,ja,ko,nl,no,pt-BR,pt-PT,tr,zh-Hans,zh-Hant. For additional details see https://aka.ms/text-analytics/language-support?tabs=sentiment-analysis"));
            }
            else
            {
                results.Add(AnswerDocument(kind, document, index++, parameters?["opinionMining"]?.GetValue<bool>() == true));
            }
        }

        return (200, Results(kind, results, errors));
    }

    private static JsonObject AnswerDocument(string kind, StubDocument document, int index, bool opinionMining)
    {
        var text = document.Text;
        switch (kind)
        {
            case "SentimentAnalysis":
                return StubTextModel.SentimentDocument(document.Id, text, index, opinionMining);
            case "EntityRecognition":
                return new JsonObject
                {
                    ["id"] = document.Id,
                    ["entities"] = new JsonArray(StubTextModel.Entities(text).Select(e =>
                    {
                        var entity = new JsonObject
                        {
                            ["text"] = e.Text,
                            ["category"] = e.Category,
                            ["offset"] = e.Offset,
                            ["length"] = e.Length,
                            ["confidenceScore"] = e.Confidence,
                        };
                        if (e.Subcategory is not null)
                        {
                            entity["subcategory"] = e.Subcategory;
                        }

                        return (JsonNode)entity;
                    }).ToArray()),
                    ["warnings"] = new JsonArray(),
                };
            case "KeyPhraseExtraction":
                return new JsonObject
                {
                    ["id"] = document.Id,
                    ["keyPhrases"] = new JsonArray(StubTextModel.KeyPhrases(text).Select(p => (JsonNode)JsonValue.Create(p)).ToArray()),
                    ["warnings"] = new JsonArray(),
                };
            case "LanguageDetection":
                var (iso, name, confidence) = StubTextModel.DetectLanguage(text);
                return new JsonObject
                {
                    ["id"] = document.Id,
                    ["detectedLanguage"] = new JsonObject { ["name"] = name, ["iso6391Name"] = iso, ["confidenceScore"] = confidence },
                    ["warnings"] = new JsonArray(),
                };
            default:
                return new JsonObject { ["id"] = document.Id, ["entities"] = new JsonArray(), ["warnings"] = new JsonArray() };
        }
    }

    private StubFault? NextFault(string? kind)
    {
        lock (_faults)
        {
            var rule = _faults.FirstOrDefault(f => f.Remaining > 0 && (f.Kind is null || f.Kind == kind));
            if (rule is null)
            {
                return null;
            }

            rule.Remaining--;
            return rule.Fault;
        }
    }

    private static string Results(string kind, JsonArray documents, JsonArray errors) => new JsonObject
    {
        ["kind"] = kind + "Results",
        ["results"] = new JsonObject { ["documents"] = documents, ["errors"] = errors, ["modelVersion"] = "2022-10-01" },
    }.ToJsonString();

    private static JsonObject DocumentError(string id, string code, string innerCode, string message) => new()
    {
        ["id"] = id,
        ["error"] = new JsonObject
        {
            ["code"] = code,
            ["message"] = "Invalid Document in request.",
            ["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = message },
        },
    };

    private static string Error(string code, string message, string? innerCode = null, string? innerMessage = null)
    {
        var error = new JsonObject { ["code"] = code, ["message"] = message };
        if (!string.IsNullOrEmpty(innerCode))
        {
            error["innererror"] = new JsonObject { ["code"] = innerCode, ["message"] = innerMessage ?? message };
        }

        return new JsonObject { ["error"] = error }.ToJsonString();
    }

    private static async Task WriteAsync(HttpContext context, int status, string body)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json; charset=utf-8";
        if (status >= 400)
        {
            context.Response.Headers["x-ms-error-code"] = JsonNode.Parse(body)?["error"]?["code"]?.GetValue<string>();
        }

        await context.Response.WriteAsync(body, context.RequestAborted);
    }

    private sealed record FaultRule(StubFault Fault, string? Kind, int Times)
    {
        public int Remaining { get; set; } = Times;
    }
}
