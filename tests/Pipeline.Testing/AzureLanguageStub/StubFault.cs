namespace Pipeline.Testing.AzureLanguageStub;

/// <summary>A failure the stub injects instead of (or before) its normal answer.</summary>
public sealed record StubFault
{
    private StubFault(StubFaultKind kind) => Kind = kind;

    public StubFaultKind Kind { get; }
    public int Status { get; private init; }
    public TimeSpan Delay { get; private init; }
    public string? RetryAfterHeader { get; private init; }
    public string Code { get; private init; } = "";
    public string InnerCode { get; private init; } = "";
    public string Message { get; private init; } = "";

    /// <summary>HTTP 429 with a Retry-After header in whole seconds, body as the gateway sends it.</summary>
    public static StubFault TooManyRequests(TimeSpan retryAfter) => new(StubFaultKind.Status)
    {
        Status = 429,
        RetryAfterHeader = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture),
        Code = "429",
        Message = $"Requests to the Analyze Text Operation have exceeded rate limit of your current pricing tier. Please retry after {Math.Ceiling(retryAfter.TotalSeconds)} seconds.",
    };

    /// <summary>HTTP 429 with a raw Retry-After value (e.g. an HTTP date).</summary>
    public static StubFault TooManyRequests(string retryAfterHeader) => new(StubFaultKind.Status)
    {
        Status = 429,
        RetryAfterHeader = retryAfterHeader,
        Code = "429",
        Message = "Rate limit exceeded.",
    };

    public static StubFault ServerError(int status = 500) => new(StubFaultKind.Status)
    {
        Status = status,
        Code = status == 503 ? "ServiceUnavailable" : "InternalServerError",
        Message = "Injected server error.",
    };

    /// <summary>A whole-request error with the service's error body, e.g. 400 InvalidRequest/InvalidDocument.</summary>
    public static StubFault RequestError(int status, string code, string innerCode, string message) => new(StubFaultKind.Status)
    {
        Status = status,
        Code = code,
        InnerCode = innerCode,
        Message = message,
    };

    /// <summary>Waits (real time) before answering normally.</summary>
    public static StubFault Slow(TimeSpan delay) => new(StubFaultKind.Slow) { Delay = delay };

    /// <summary>HTTP 200 with a truncated JSON body.</summary>
    public static StubFault MalformedJson() => new(StubFaultKind.MalformedJson) { Status = 200 };

    /// <summary>HTTP 200 where every document is in errors[] with this code and message.</summary>
    public static StubFault DocumentError(string innerCode, string message) => new(StubFaultKind.DocumentError)
    {
        Status = 200,
        Code = "InvalidArgument",
        InnerCode = innerCode,
        Message = message,
    };
}

public enum StubFaultKind
{
    Status,
    Slow,
    MalformedJson,
    DocumentError,
}
