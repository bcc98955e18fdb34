using Pipeline.Analysis.Local.Ner;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class GreedyDecoderTests
{
    [Fact]
    public void Best_InsideTagAfterOutside_NotAllowed()
    {
        var scores = new float[NerTags.Count];
        scores[NerTags.Parse("I-PER")] = 5;
        scores[NerTags.Parse("B-PER")] = 3;
        Assert.Equal("B-PER", NerTags.Name(GreedyDecoder.Best(scores, NerTags.Outside)));
        Assert.Equal("B-PER", NerTags.Name(GreedyDecoder.Best(scores, NerTags.Parse("I-LOC"))));
        Assert.Equal("I-PER", NerTags.Name(GreedyDecoder.Best(scores, NerTags.Parse("B-PER"))));
    }

    [Fact]
    public void Spans_StrayInside_StartsAnEntity()
    {
        int[] tags = [0, NerTags.Parse("I-ORG"), NerTags.Parse("I-ORG"), NerTags.Parse("B-PER"), NerTags.Parse("B-PER"), NerTags.Parse("I-PER")];
        Assert.Equal([(1, 3, 2), (3, 4, 0), (4, 6, 0)], NerTags.Spans(tags));
    }

    [Fact]
    public void DefaultTagger_NewsSentence_NeverEmitsInsideWithoutBegin()
    {
        const string text = "Sen. Bernie Sanders of Vermont told supporters in Des Moines , Iowa , that the Democratic National Committee was wrong .";
        var tokens = Pipeline.Analysis.Local.Text.Tokenizer.Tokenize(text).ToArray();
        var tags = new int[tokens.Length];
        NerTagger.Default.Tag(text, tokens, tags, []);
        for (var i = 0; i < tags.Length; i++)
        {
            if (NerTags.IsInside(tags[i]))
            {
                Assert.True(i > 0 && tags[i - 1] != 0 && NerTags.TypeOf(tags[i - 1]) == NerTags.TypeOf(tags[i]));
            }
        }

        var spans = NerTags.Spans(tags).Select(s => (string.Join(' ', tokens[s.Start..s.End].Select(t => text.Substring(t.Start, t.Length))), NerTags.TypeName(s.Type))).ToList();
        Assert.Contains(("Bernie Sanders", "PER"), spans);
        Assert.Contains(("Vermont", "LOC"), spans);
    }
}
