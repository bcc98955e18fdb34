using Pipeline.Testing;

namespace Pipeline.Analysis.Tests.AzureLanguage;

/// <summary>A fact that runs only when ../shared/fixtures/azure-language (real service recordings) exists; otherwise it is reported as skipped with the reason.</summary>
public sealed class RecordedResponsesFactAttribute : FactAttribute
{
    public RecordedResponsesFactAttribute()
    {
        if (RecordedResponses.Folder is null)
        {
            Skip = "Optional tier: ../shared/fixtures/azure-language (real Azure AI Language recordings) is not present next to the repository.";
        }
    }
}

internal static class RecordedResponses
{
    public static string? Folder =>
        RepoRoot.SharedFolder is { } shared && Directory.Exists(Path.Combine(shared, "fixtures", "azure-language"))
            ? Path.Combine(shared, "fixtures", "azure-language")
            : null;
}
