using System.Text;
using System.Text.Json;
using Pipeline.Analysis.Local;
using Pipeline.Core.Analysis;

namespace Pipeline.Tools;

/// <summary>
/// `dump-analysis OUT [--split] FILE...`: the embedded analyzer's full result for each article, one JSON line each, so
/// that two builds can be compared byte for byte (speed work must not change what users get). Files are one article
/// each; after --split, files hold articles separated by blank lines (as bench/ writes its corpora). Doubles are
/// written round-trip exact.
/// </summary>
internal static class AnalysisDump
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = false };

    public static int Run(IReadOnlyList<string> args)
    {
        if (args.Count < 2)
        {
            Console.Error.WriteLine("usage: dump-analysis OUT [--split] FILE...");
            return 2;
        }

        var analyzer = LocalTextAnalyzer.CreateDefault();
        using var output = new StreamWriter(args[0], append: false, new UTF8Encoding(false));
        var split = false;
        var count = 0;
        foreach (var file in args.Skip(1))
        {
            if (file == "--split")
            {
                split = true;
                continue;
            }

            var articles = split ? AnalyzerProfile.ReadArticles(file) : [File.ReadAllText(file)];
            for (var i = 0; i < articles.Count; i++)
            {
                var analysis = analyzer.Analyze(new AnalysisRequest(articles[i]));
                output.Write($"{Path.GetFileName(file)}#{i}\t");
                output.WriteLine(JsonSerializer.Serialize(analysis, Options));
                count++;
            }
        }

        Console.WriteLine($"{count} analyses written to {args[0]}");
        return 0;
    }
}
