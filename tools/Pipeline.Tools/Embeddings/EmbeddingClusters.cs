using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;

namespace Pipeline.Tools.Embeddings;

/// <summary>
/// embeddings-clusters [--words N] [--k 64,256,1024] [--iterations N] [--seed N] [--vectors FILE] [--out FILE]
/// <see cref="SphericalKMeans"/> over the N most frequent GloVe words, once per granularity, written as
/// "word TAB id TAB id ..." lines (frequency order, gzip) for the NER tagger's cluster features
/// (<see cref="Pipeline.Analysis.Local.Ner.WordClusters"/>). Deterministic: the same vectors and options give the same file.
/// </summary>
internal static class EmbeddingClusters
{
    public static int Run(IReadOnlyList<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["--words"] = "200000",
            ["--k"] = "64,256,1024",
            ["--iterations"] = "25",
            ["--seed"] = "7",
            ["--vectors"] = WordVectors.DefaultPath,
            ["--out"] = "src/Pipeline.Analysis/Local/Ner/Resources/" + Pipeline.Analysis.Local.Ner.WordClusters.Resource,
        };
        if (!CommandOptions.TryOverride(options, args))
        {
            return 2;
        }

        var sw = Stopwatch.StartNew();
        var maxWords = int.Parse(options["--words"], CultureInfo.InvariantCulture);
        var ks = options["--k"].Split(',').Select(k => int.Parse(k, CultureInfo.InvariantCulture)).ToArray();
        var iterations = int.Parse(options["--iterations"], CultureInfo.InvariantCulture);
        var seed = int.Parse(options["--seed"], CultureInfo.InvariantCulture);
        var vectors = WordVectors.Load(options["--vectors"], maxWords);
        Console.WriteLine($"{vectors.Count} words x {vectors.Dimensions} loaded in {sw.Elapsed.TotalSeconds:0}s");
        var (points, dims) = Normalised(vectors);

        var ids = new int[ks.Length][];
        for (var level = 0; level < ks.Length; level++)
        {
            ids[level] = SphericalKMeans.Cluster(points, dims, vectors.Count, ks[level], iterations, seed + level, sw);
        }

        var text = new StringBuilder();
        for (var w = 0; w < vectors.Count; w++)
        {
            // The resource is tab-separated lines: skip the (rare) vocabulary entries containing whitespace.
            if (vectors.Words[w].Any(char.IsWhiteSpace) || vectors.Words[w].Length == 0)
            {
                continue;
            }

            text.Append(vectors.Words[w]);
            for (var level = 0; level < ks.Length; level++)
            {
                text.Append('\t').Append(ids[level][w].ToString(CultureInfo.InvariantCulture));
            }

            text.Append('\n');
        }

        using (var file = File.Create(options["--out"]))
        using (var gzip = new GZipStream(file, CompressionLevel.SmallestSize))
        {
            var bytes = Encoding.UTF8.GetBytes(text.ToString());
            gzip.Write(bytes);
        }

        Console.WriteLine($"wrote {options["--out"]} ({new FileInfo(options["--out"]).Length / 1024} KiB) in {sw.Elapsed.TotalSeconds:0}s");
        return 0;
    }

    /// <summary>Unit-length rows padded with zeros to a multiple of the SIMD width.</summary>
    private static (float[] Points, int Dims) Normalised(WordVectors vectors)
    {
        var dims = SphericalKMeans.PaddedDimensions(vectors.Dimensions);
        var points = new float[vectors.Count * dims];
        for (var w = 0; w < vectors.Count; w++)
        {
            var v = vectors.Vector(w);
            var norm = 0.0;
            foreach (var x in v)
            {
                norm += x * x;
            }

            var scale = norm > 0 ? (float)(1 / Math.Sqrt(norm)) : 0f;
            for (var d = 0; d < v.Length; d++)
            {
                points[(w * dims) + d] = v[d] * scale;
            }
        }

        return (points, dims);
    }
}
