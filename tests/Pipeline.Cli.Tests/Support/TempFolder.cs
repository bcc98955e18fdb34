namespace Pipeline.Cli.Tests.Support;

/// <summary>A throw-away folder of files to upload.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("pipeline-cli-").FullName;

    public string Write(string relativePath, byte[] content)
    {
        var file = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, content);
        return file;
    }

    public string Write(string relativePath, string utf8Text) => Write(relativePath, System.Text.Encoding.UTF8.GetBytes(utf8Text));

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
