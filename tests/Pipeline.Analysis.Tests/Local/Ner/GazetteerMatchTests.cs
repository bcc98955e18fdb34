using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class GazetteerMatchTests
{
    [Theory]
    [InlineData("Officials in New York City and San Francisco met delegates from the United States and Des Moines , Iowa .")]
    [InlineData("Maria told John that Paris , Texas is not Paris , France .")]
    [InlineData("NEW YORK ( Reuters ) - The U.S. Senate met in Washington .")]
    public void MatchGazetteer_WithWordProperties_SameBitsAsLookingTokensUp(string text)
    {
        var extractor = new NerFeatureExtractor(Gazetteer.Default);
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var words = tokens.Select(t => WordProperties.Of(text.AsSpan(t.Start, t.Length), FeatureHash.Of(text.AsSpan(t.Start, t.Length)))).ToArray();
        var looked = new int[tokens.Length];
        var reused = new int[tokens.Length];

        extractor.MatchGazetteer(text, tokens, looked);
        extractor.MatchGazetteer(text, tokens, reused, words);

        Assert.Contains(looked, b => b != 0);
        Assert.Equal(looked, reused);
    }
}
