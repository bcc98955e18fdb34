namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>A fact that runs only when ../shared/data (next to the repository) is present; skipped visibly otherwise.</summary>
public sealed class SharedDataFactAttribute : FactAttribute
{
    public SharedDataFactAttribute()
    {
        if (SharedData.Folder is null)
        {
            Skip = "../shared/data not found next to the repository: dev-set evaluation skipped.";
        }
    }
}

internal static class SharedData
{
    /// <summary>../shared/data, or null when absent.</summary>
    public static string? Folder { get; } = Find("data");

    /// <summary>../shared/seeds (the real seed articles), or null when absent.</summary>
    public static string? Seeds { get; } = Find("seeds");

    private static string? Find(string folder)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                var path = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", folder));
                return Directory.Exists(path) ? path : null;
            }
        }

        return null;
    }
}
