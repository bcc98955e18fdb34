using Pipeline.Testing;

namespace Pipeline.IntegrationTests;

/// <summary>A fact that runs only when ../shared/seeds (next to the repository) is present; reported as skipped otherwise.</summary>
public sealed class SharedSeedsFactAttribute : FactAttribute
{
    public SharedSeedsFactAttribute()
    {
        if (SeedsFolder is null)
        {
            Skip = "../shared/seeds not found next to the repository: the optional seed tier is not run.";
        }
    }

    public static string? SeedsFolder =>
        RepoRoot.SharedFolder is { } shared && Directory.Exists(Path.Combine(shared, "seeds")) ? Path.Combine(shared, "seeds") : null;
}
