using Pipeline.Analysis.Local.Sentiment;
using Pipeline.Analysis.Local.Text;
using Pipeline.Core.Analysis;

namespace Pipeline.Analysis.Tests.Local.Sentiment;

/// <summary>One tokenization for the sentence and target lexicons: same answers as tokenizing once per lexicon.</summary>
public sealed class LexiconPairTests
{
    private static VaderLexicon Lexicon(string lines)
    {
        using var reader = new StringReader(lines);
        return VaderLexicon.Load(reader);
    }

    private static WordInfo[] Infos(string sentence, VaderLexicon lexicon)
    {
        var ws = new SentimentWorkspace();
        SentenceTokenizer.Tokenize(sentence, lexicon, ws);
        return ws.Tokens.Take(ws.Count).Select(t => t.Info).ToArray();
    }

    [Fact]
    public void Lookup_WordInOneLexiconOnly_AnswersBoth()
    {
        var pair = new LexiconPair(Lexicon("calm\t1.5\n"), Lexicon("storm\t-2.0\n"));

        Assert.Equal((1.5f, 0f), (pair.Lookup("calm").First.Valence, pair.Lookup("calm").Second.Valence));
        Assert.Equal((0f, -2f), (pair.Lookup("storm").First.Valence, pair.Lookup("storm").Second.Valence));
    }

    [Fact]
    public void LookupByHash_EveryWordOfTheShippedLexicons_SameAsEachLexicon()
    {
        var pair = new LexiconPair(VaderLexicon.SentenceDefault, VaderLexicon.Default);
        var hashes = VaderLexicon.SentenceDefault.Entries.Concat(VaderLexicon.Default.Entries).Select(e => e.Key).Append(TextHash.Of("zorbled")).ToArray();

        Assert.Equal(VaderLexicon.SentenceDefault.Count + VaderLexicon.Default.Count + 1, hashes.Length);
        Assert.True(VaderLexicon.Default.Count > 30_000);
        Assert.All(hashes, h => Assert.Equal((VaderLexicon.SentenceDefault.Lookup(h), VaderLexicon.Default.Lookup(h)), pair.Lookup(h)));
        Assert.Equal(default, pair.Lookup(TextHash.Of("zorbled")));
    }

    [Fact]
    public void Tokenize_Pair_InfoAndOtherInfoMatchEachLexiconAlone()
    {
        const string sentence = "The calm Rampart vote ended in a storm, and nobody was happy :)";
        var first = VaderLexicon.SentenceDefault;
        var second = VaderLexicon.Default;
        var ws = new SentimentWorkspace();

        SentenceTokenizer.Tokenize(sentence, new LexiconPair(first, second), ws);

        Assert.True(ws.OtherInfoValid);
        Assert.NotEqual(Infos(sentence, first), Infos(sentence, second)); // the sentence tells the lexicons apart
        Assert.Equal(Infos(sentence, first), ws.Tokens.Take(ws.Count).Select(t => t.Info));
        Assert.Equal(Infos(sentence, second), ws.Tokens.Take(ws.Count).Select(t => t.OtherInfo));
        ws.SwapLexicons();
        Assert.Equal(Infos(sentence, second), ws.Tokens.Take(ws.Count).Select(t => t.Info));
    }

    [Fact]
    public void Tokenize_LexiconsCutATokenDifferently_OtherInfoInvalid()
    {
        // "D:" is kept whole (an emoticon) only by the lexicon that lists it.
        var pair = new LexiconPair(Lexicon("d:\t-2.0\n"), Lexicon("calm\t1.0\n"));
        var ws = new SentimentWorkspace();

        SentenceTokenizer.Tokenize("It went badly D: today", pair, ws);
        Assert.False(ws.OtherInfoValid);

        SentenceTokenizer.Tokenize("It went calmly today", pair, ws);
        Assert.True(ws.OtherInfoValid);
    }

    [Theory]
    [InlineData("Critics praised Martinez but attacked Hale for the scandal, while Ohio voters shrugged.", "Martinez,Hale,Ohio")]
    [InlineData("The party said Hale was a barbaric liar :( and Martinez laughed.", "Hale,Martinez")]
    [InlineData("Nobody in the Rampart Group expected Lee to win.", "Rampart Group,Lee")]
    public void ScoreSentenceAndTargets_Sentence_SameAsScoringApart(string sentence, string targetList)
    {
        var analyzer = SentimentAnalyzer.CreateDefault();
        var text = "Intro line. " + sentence;
        var start = text.IndexOf(sentence, StringComparison.Ordinal);
        var targets = targetList.Split(',').Select(t => new TextSpan(text.IndexOf(t, start, StringComparison.Ordinal), t.Length)).ToArray();
        var apart = new SentimentScores[targets.Length];
        var together = new SentimentScores[targets.Length];

        var sentenceApart = analyzer.ScoreSentence(text, start, sentence.Length);
        analyzer.ScoreTargets(text, start, sentence.Length, targets, apart);
        var sentenceTogether = analyzer.ScoreSentenceAndTargets(text, start, sentence.Length, targets, together);

        Assert.Equal(sentenceApart, sentenceTogether);
        Assert.Equal(apart, together);
    }
}
