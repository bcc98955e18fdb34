namespace Pipeline.Testing;

/// <summary>The repository root, found by walking up from the test binaries to Pipeline.sln.</summary>
public static class RepoRoot
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Pipeline.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Pipeline.sln not found above " + AppContext.BaseDirectory);
    });

    public static string Path => Root.Value;

    /// <summary>../shared next to the repository, when it exists (optional test tiers only).</summary>
    public static string? SharedFolder
    {
        get
        {
            var shared = System.IO.Path.GetFullPath(System.IO.Path.Combine(Path, "..", "shared"));
            return Directory.Exists(shared) ? shared : null;
        }
    }
}
