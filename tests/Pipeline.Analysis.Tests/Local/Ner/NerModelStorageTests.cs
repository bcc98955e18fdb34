using System.IO.Compression;
using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Analysis.Tests.Local.Ner;

/// <summary>
/// The loaded model keeps only its packed rows (not the full scale and weight tables): what it can give back must be
/// the file it was loaded from, bit for bit, and a quantized model must score the same before and after a save.
/// </summary>
public sealed class NerModelStorageTests
{
    [Fact]
    public void Save_ShippedModel_WritesTheSameTablesItWasLoadedFrom()
    {
        using var resource = NerResources.Open(NerTagger.ModelResource);
        var original = Decompress(resource);

        using var saved = new MemoryStream();
        NerModel.Load(new MemoryStream(Compress(original))).Save(saved);
        saved.Position = 0;

        Assert.Equal(original, Decompress(saved));
    }

    [Fact]
    public void Load_QuantizedModelWithPrunedRows_ScoresEveryBucketAsBefore()
    {
        var weights = new float[(1 << 8) * NerTags.Count];
        var random = new Random(11);
        for (var row = 0; row < 1 << 8; row++)
        {
            // Every third row is empty: pruned, so the packed rows and the bucket ranks must line up around gaps.
            if (row % 3 == 0)
            {
                continue;
            }

            for (var t = 0; t < NerTags.Count; t++)
            {
                weights[(row * NerTags.Count) + t] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-3, 3)));
            }
        }

        var model = NerModel.Quantize(weights, 8, beamWidth: 2);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);

        Assert.Equal(model.NonZeroRows, loaded.NonZeroRows);
        Assert.InRange(loaded.NonZeroRows, 1, (1 << 8) - 86);
        Assert.Equal(2, loaded.BeamWidth);
        for (var feature = 1UL; feature < 2000; feature++)
        {
            var expected = new float[NerTags.Count];
            var actual = new float[NerTags.Count];
            model.Score([feature], expected);
            loaded.Score([feature], actual);
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public void Load_TruncatedWeights_Throws()
    {
        var model = NerModel.Quantize(new float[(1 << 6) * NerTags.Count], 6);
        using var stream = new MemoryStream();
        model.Save(stream);
        var raw = Decompress(new MemoryStream(stream.ToArray()));

        var truncated = Compress(raw.AsSpan(0, raw.Length - 10).ToArray());

        Assert.Throws<InvalidDataException>(() => NerModel.Load(new MemoryStream(truncated)));
    }

    private static byte[] Decompress(Stream gzipped)
    {
        using var gzip = new GZipStream(gzipped, CompressionMode.Decompress);
        using var into = new MemoryStream();
        gzip.CopyTo(into);
        return into.ToArray();
    }

    private static byte[] Compress(byte[] raw)
    {
        using var into = new MemoryStream();
        using (var gzip = new GZipStream(into, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(raw);
        }

        return into.ToArray();
    }
}
