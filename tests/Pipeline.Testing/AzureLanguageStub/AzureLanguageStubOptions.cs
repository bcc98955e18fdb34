namespace Pipeline.Testing.AzureLanguageStub;

public sealed class AzureLanguageStubOptions
{
    public string ApiKey { get; init; } = "stub-key";
    public string BearerToken { get; init; } = "stub-token";

    /// <summary>api-version values accepted; others get 404 like an unknown route.</summary>
    public IReadOnlyList<string> ApiVersions { get; init; } = ["2022-05-01", "2023-04-01", "2024-11-01", "2025-11-01"];

    /// <summary>Clock stamped on recorded requests (pass the test's FakeTimeProvider to measure retry waits).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
