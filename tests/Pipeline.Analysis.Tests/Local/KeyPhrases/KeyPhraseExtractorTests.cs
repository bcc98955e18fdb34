using Pipeline.Analysis.Local.KeyPhrases;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.KeyPhrases;

public sealed class KeyPhraseExtractorTests
{
    private static readonly KeyPhraseExtractor Extractor = KeyPhraseExtractor.CreateDefault();

    // A paragraph written for these tests.
    private const string Paragraph =
        "Bernie Sanders spoke at the Democratic National Convention in Philadelphia on Monday. " +
        "Sanders urged his supporters to back the party's nominee and praised the new health care plan. " +
        "The health care plan would expand coverage for working families, he said. " +
        "Many delegates from Vermont cheered, but some Sanders supporters booed loudly. " +
        "The convention will end on Thursday with a speech about the health care plan and the minimum wage.";

    private static IReadOnlyList<TextSpan> Sentences(string text)
    {
        var spans = new List<TextSpan>();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] is '.' or '!' or '?' && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                spans.Add(new TextSpan(start, i + 1 - start));
                start = i + 2;
            }
        }

        if (start < text.Length)
        {
            spans.Add(new TextSpan(start, text.Length - start));
        }

        return spans;
    }

    [Fact]
    public void Extract_AfterAnotherDocument_SamePhrasesAndScoresAsBefore()
    {
        const string other = "Voters in Iowa met Senator Elizabeth Warren and her campaign staff. Warren promised Iowa voters a wealth tax.";
        var first = Extractor.Extract(Paragraph, Sentences(Paragraph), 50);

        Extractor.Extract(other, Sentences(other), 50);
        var again = Extractor.Extract(Paragraph, Sentences(Paragraph), 50);

        Assert.NotEmpty(first);
        Assert.Equal(first.Select(p => (p.Text, p.Score)), again.Select(p => (p.Text, p.Score)));
        Assert.DoesNotContain(again, p => p.Text.Contains("Warren", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_SentencesOutOfTextOrder_SamePhrasesMerged()
    {
        const string text = "Bernie Sanders spoke in Iowa on Monday. Voters cheered Sanders loudly. Then Sanders thanked the Iowa voters.";
        var spans = Sentences(text);

        var forward = Extractor.Extract(text, spans, 50).Select(p => p.Text).Order(StringComparer.Ordinal).ToList();
        var reversed = Extractor.Extract(text, spans.Reverse().ToList(), 50).Select(p => p.Text).Order(StringComparer.Ordinal).ToList();

        Assert.Contains("Bernie Sanders", forward);
        Assert.DoesNotContain("Sanders", forward);
        Assert.Equal(forward, reversed);
    }

    private static List<string> Phrases(string text, int max = 50) =>
        Extractor.Extract(text, Sentences(text), max).Select(p => p.Text).ToList();

    [Fact]
    public void Extract_Paragraph_ContainsTheObviousPhrases()
    {
        var phrases = Phrases(Paragraph);

        Assert.Contains("Bernie Sanders", phrases);
        Assert.Contains("Democratic National Convention", phrases);
        Assert.Contains("health care plan", phrases);
        Assert.Contains("Philadelphia", phrases);
        Assert.Contains("minimum wage", phrases);
        Assert.Contains("working families", phrases);
    }

    [Fact]
    public void Extract_Paragraph_NoStopWordsOrVerbsAsPhrases()
    {
        var phrases = Phrases(Paragraph);

        foreach (var word in new[] { "the", "The", "and", "on", "he", "said", "would", "will", "some", "Many", "Monday", "Thursday" })
        {
            Assert.DoesNotContain(word, phrases);
        }

        // No phrase starts or ends with a function word.
        foreach (var phrase in phrases)
        {
            var words = phrase.Split(' ');
            Assert.DoesNotContain(words[0].ToLowerInvariant(), new[] { "the", "a", "an", "and", "of", "to", "in", "on", "with", "his" });
            Assert.DoesNotContain(words[^1].ToLowerInvariant(), new[] { "the", "a", "an", "and", "of", "to", "in", "on", "with", "his" });
        }
    }

    [Fact]
    public void Extract_Paragraph_RanksRepeatedPhrasesFirst()
    {
        var phrases = Extractor.Extract(Paragraph, Sentences(Paragraph), 50);

        var top3 = phrases.Take(3).Select(p => p.Text).ToList();
        Assert.Contains("health care plan", top3);
        Assert.Contains("Bernie Sanders", top3);
        var philadelphia = phrases.Single(p => p.Text == "Philadelphia");
        var plan = phrases.Single(p => p.Text == "health care plan");
        Assert.True(plan.Score > philadelphia.Score);
    }

    [Fact]
    public void Extract_Scores_AreInZeroToOneAndDescending()
    {
        var phrases = Extractor.Extract(Paragraph, Sentences(Paragraph), 50);

        Assert.Equal(1.0, phrases[0].Score);
        Assert.All(phrases, p => Assert.InRange(p.Score, 0.0, 1.0));
        for (var i = 1; i < phrases.Count; i++)
        {
            Assert.True(phrases[i - 1].Score >= phrases[i].Score);
        }
    }

    [Fact]
    public void Extract_ShortNameInsideFullName_IsMergedIntoIt()
    {
        var phrases = Phrases(Paragraph);

        // "Sanders" alone is folded into "Bernie Sanders"; "convention" into the full name of the convention.
        Assert.DoesNotContain("Sanders", phrases);
        Assert.DoesNotContain("convention", phrases, StringComparer.OrdinalIgnoreCase);
        Assert.Single(phrases, p => p.Equals("health care plan", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Extract_CaseVariants_KeepTheMostCommonSurfaceForm()
    {
        const string text = "Voters worried about climate change. Climate change dominated the debate. " +
                            "Activists said climate change was urgent. Both candidates discussed climate change.";

        var phrases = Phrases(text);

        Assert.Contains("climate change", phrases);
        Assert.DoesNotContain("Climate change", phrases);
    }

    [Fact]
    public void Extract_SingularAndPlural_AreOnePhrase()
    {
        const string text = "The senator met one voter in Ohio. Other voters in Ohio wanted jobs. The voters were angry about trade deals.";

        var phrases = Phrases(text);

        Assert.Single(phrases, p => p.StartsWith("voter", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("voters", phrases);
    }

    [Fact]
    public void Extract_CapitalisedNamesWithBreakerWords_StayWhole()
    {
        const string text = "The governor of New York met Theresa May at the United Nations. New York officials welcomed her.";

        var phrases = Phrases(text);

        Assert.Contains("New York", phrases);
        Assert.Contains("United Nations", phrases);
        Assert.Contains("Theresa May", phrases);
    }

    [Fact]
    public void Extract_GenericNoun_RanksBelowSpecificPhraseSeenLessOften()
    {
        const string text = "People want answers on trade policy. Many people are angry. The senator met people in Toledo. " +
                            "Her trade policy is popular.";

        var phrases = Phrases(text);

        Assert.True(phrases.IndexOf("trade policy") < phrases.FindIndex(p => p.Equals("people", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Extract_IrregularPastTense_EndsThePhrase()
    {
        const string text = "The Sanders campaign built a movement. The campaign sought votes in rural counties.";

        var phrases = Phrases(text);

        Assert.Contains("Sanders campaign", phrases);
        Assert.DoesNotContain(phrases, p => p.Contains("built", StringComparison.Ordinal) || p.Contains("sought", StringComparison.Ordinal));
        Assert.Contains("rural counties", phrases);
    }

    [Fact]
    public void Extract_MaxPhrases_IsRespected()
    {
        Assert.Equal(3, Extractor.Extract(Paragraph, Sentences(Paragraph), 3).Count);
        Assert.Empty(Extractor.Extract(Paragraph, Sentences(Paragraph), 0));
        Assert.True(Extractor.Extract(Paragraph, Sentences(Paragraph), 1000).Count < 1000);
    }

    [Fact]
    public void Extract_SameInput_SameOutput()
    {
        var first = Extractor.Extract(Paragraph, Sentences(Paragraph), 20);
        var second = KeyPhraseExtractor.CreateDefault().Extract(Paragraph, Sentences(Paragraph), 20);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Extract_NoSentenceSpans_TreatsTextAsOneSentence()
    {
        var phrases = Extractor.Extract(Paragraph, [], 50).Select(p => p.Text).ToList();

        Assert.Contains("Democratic National Convention", phrases);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("He said that it was not.")]
    [InlineData("2016, 2020 -- 42%")]
    public void Extract_NoNounPhrases_IsEmpty(string text)
    {
        Assert.Empty(Extractor.Extract(text, Sentences(text), 10));
    }

    [Fact]
    public void Extract_AcronymsAndHyphens_AreKept()
    {
        const string text = "The U.S. economy added jobs, while the cease-fire in the region held. Officials in the U.S. welcomed the cease-fire.";

        var phrases = Phrases(text);

        Assert.Contains("cease-fire", phrases);
        Assert.Contains(phrases, p => p.StartsWith("U.S.", StringComparison.Ordinal));
    }

    [Fact]
    public void Extract_NegativeMaxPhrases_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Extractor.Extract(Paragraph, Sentences(Paragraph), -1));
    }
}

public sealed class KeepBestTests
{
    [Fact]
    public void KeepBest_RandomCandidatesWithEqualScores_SameAsSortingAllThenTaking()
    {
        var random = new Random(5);
        for (var round = 0; round < 500; round++)
        {
            var offsets = Enumerable.Range(0, 400).OrderBy(_ => random.Next()).Take(random.Next(0, 60)).ToList();
            var offered = offsets.Select(o => (Candidate: new PhraseCandidate([0], o, 0), Score: random.Next(0, 6) * 0.25)).ToList();
            var k = random.Next(1, 25);
            var best = new (PhraseCandidate Candidate, double Score)[Math.Min(k, offered.Count)];
            var count = 0;
            foreach (var (candidate, score) in offered)
            {
                count = KeyPhraseExtractor.KeepBest(best, count, candidate, score);
            }

            var expected = offered.OrderByDescending(o => o.Score).ThenBy(o => o.Candidate.FirstOffset).Take(k).ToList();
            Assert.Equal(expected.Count, count);
            Assert.Equal(expected.Select(e => (e.Candidate.FirstOffset, e.Score)), best.Take(count).Select(b => (b.Candidate.FirstOffset, b.Score)));
        }
    }
}
