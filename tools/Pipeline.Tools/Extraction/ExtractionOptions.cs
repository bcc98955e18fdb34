namespace Pipeline.Tools.Extraction;

/// <summary>Command-line options of eval-extraction.</summary>
internal sealed record ExtractionOptions(IReadOnlyList<string> Files, string Extractor, int? Half, bool PerPage, string? PredictionsFile, string? Only, bool Titles)
{
    public static ExtractionOptions? Parse(string[] args)
    {
        var files = new List<string>();
        var extractor = "pipeline";
        int? half = null;
        var perPage = false;
        var titles = false;
        string? predictions = null;
        string? only = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--extractor" when i + 1 < args.Length:
                    extractor = args[++i];
                    break;
                case "--half" when i + 1 < args.Length && args[i + 1] is "0" or "1":
                    half = args[++i] == "0" ? 0 : 1;
                    break;
                case "--only" when i + 1 < args.Length:
                    only = args[++i];
                    break;
                case "--titles":
                    titles = true;
                    break;
                case "--per-page":
                    perPage = true;
                    break;
                case "--predictions" when i + 1 < args.Length:
                    predictions = args[++i];
                    break;
                case var file when !file.StartsWith("--", StringComparison.Ordinal):
                    files.Add(file);
                    break;
                default:
                    return null;
            }
        }

        return files.Count == 0 ? null : new ExtractionOptions(files, extractor, half, perPage, predictions, only, titles);
    }
}
