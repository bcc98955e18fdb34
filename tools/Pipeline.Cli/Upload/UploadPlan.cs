namespace Pipeline.Cli.Upload;

/// <summary>One file to upload and the blob name it gets.</summary>
internal sealed record UploadItem(string Path, string BlobName);

/// <summary>Files and folders to blob names: a file keeps its name; a folder's files keep their path under it.</summary>
internal static class UploadPlan
{
    /// <summary>Folders are walked recursively; their README.md and hidden files are not articles and are skipped.</summary>
    /// <exception cref="FileNotFoundException">A path names neither a file nor a folder.</exception>
    public static IReadOnlyList<UploadItem> Expand(IEnumerable<string> paths, string prefix)
    {
        var items = new List<UploadItem>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                items.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Select(file => (File: file, Relative: Path.GetRelativePath(path, file).Replace('\\', '/')))
                    .Where(f => !f.Relative.Split('/').Any(part => part.StartsWith('.'))
                        && !Path.GetFileName(f.File).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    .OrderBy(f => f.Relative, StringComparer.Ordinal)
                    .Select(f => new UploadItem(f.File, prefix + f.Relative)));
            }
            else if (File.Exists(path))
            {
                items.Add(new UploadItem(path, prefix + Path.GetFileName(path)));
            }
            else
            {
                throw new FileNotFoundException($"Not found: {path}", path);
            }
        }

        return items;
    }
}
