using Pipeline.Analysis.Local.Language;

namespace Pipeline.Analysis.Tests.Local.Language;

public sealed class WordEvidenceScorerTests
{
    public static TheoryData<string> Grams()
    {
        var data = new TheoryData<string>();
        foreach (var gram in LanguageProfiles.Grams)
        {
            data.Add(gram.Gram);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Grams))]
    public void Score_WordContainingAnNGram_EvidenceForItsLanguages(string gram)
    {
        var hint = LanguageProfiles.Grams.First(g => g.Gram == gram);
        // Placed where the gram may occur ("^" grams start the word, "$" grams end it), in a word that is no function word.
        var word = (hint.AtStart ? "" : "q") + gram + (hint.AtEnd ? "" : "q");

        var evidence = new WordEvidenceScorer().Score(word);

        Assert.All(hint.Weights, w => Assert.True(evidence.Scores[w.Language] >= w.Weight, $"{word}: no evidence for language {w.Language}"));
    }

    [Fact]
    public void Score_NGramNotAtTheWordEndItNeeds_NoEvidence()
    {
        // "ness$" counts only at the end of a word.
        var evidence = new WordEvidenceScorer().Score("qnessq");

        Assert.Equal(0, evidence.Scores[0]);
    }
}
