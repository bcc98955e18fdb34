namespace Pipeline.Testing.AzureLanguageStub;

/// <summary>One request as the stub received it.</summary>
public sealed record StubRequest(
    DateTimeOffset ReceivedAt,
    string Method,
    string Path,
    string RawPathAndQuery,
    string? ApiVersion,
    string? SubscriptionKey,
    string? Authorization,
    string? ContentType,
    string? Kind,
    string? StringIndexType,
    bool? OpinionMining,
    IReadOnlyList<StubDocument> Documents,
    string Body);

public sealed record StubDocument(string Id, string Text, string? Language, string? CountryHint);
