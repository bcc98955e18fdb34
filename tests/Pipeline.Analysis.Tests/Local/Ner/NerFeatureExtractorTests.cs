using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class NerFeatureExtractorTests
{
    private static NerFeatureExtractor.SentenceFeatures Extract(string text, Gazetteer? gazetteer = null)
    {
        var f = new NerFeatureExtractor(gazetteer ?? new Gazetteer());
        var s = new NerFeatureExtractor.SentenceFeatures();
        f.Extract(text, Tokenizer.Tokenize(text).ToArray(), s);
        return s;
    }

    [Fact]
    public void Shapes_SameShapeDifferentWords_Equal()
    {
        Assert.Equal(NerFeatureExtractor.Shapes("Sanders").Short, NerFeatureExtractor.Shapes("Clinton").Short);
        Assert.NotEqual(NerFeatureExtractor.Shapes("Sanders").Short, NerFeatureExtractor.Shapes("sanders").Short);
        Assert.Equal(NerFeatureExtractor.Shapes("NATO").Short, NerFeatureExtractor.Shapes("UN").Short);
        Assert.NotEqual(NerFeatureExtractor.Shapes("NATO").Long, NerFeatureExtractor.Shapes("UN").Long);
    }

    [Theory]
    [InlineData("senate", 0)]
    [InlineData("Senate", 1)]
    [InlineData("NATO", 2)]
    [InlineData("J", 3)]
    [InlineData("iPhone", 4)]
    [InlineData("2020", 5)]
    [InlineData("F-35", 6)]
    [InlineData(",", 7)]
    [InlineData("Sen.", 8)]
    public void CaseClass_Word_Classified(string word, int expected) => Assert.Equal(expected, NerFeatureExtractor.CaseClass(word));

    [Fact]
    public void Extract_SameSuffix_SharesTheSuffixFeature()
    {
        var a = Extract("Washington");
        var b = Extract("Lexington");
        var c = Extract("Sanders");
        var suffix3 = FeatureHash.Feature(NerFeatureExtractor.TSuffix + 2, FeatureHash.Lower("ton"));
        Assert.Contains(suffix3, a.StaticOf(0).ToArray());
        Assert.Contains(suffix3, b.StaticOf(0).ToArray());
        Assert.DoesNotContain(suffix3, c.StaticOf(0).ToArray());
        var prefix2 = FeatureHash.Feature(NerFeatureExtractor.TPrefix + 1, FeatureHash.Lower("wa"));
        Assert.Contains(prefix2, a.StaticOf(0).ToArray());
    }

    [Fact]
    public void Extract_ContextWords_SeeTwoTokensEachSide()
    {
        var s = Extract("said Sen. Bernie Sanders today");
        var features = s.StaticOf(2).ToArray(); // "Bernie"
        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TPrev1, FeatureHash.Lower("Sen.")), features);
        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TPrev2, FeatureHash.Lower("said")), features);
        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TNext1, FeatureHash.Lower("Sanders")), features);
        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TNext2, FeatureHash.Lower("today")), features);
    }

    [Fact]
    public void Extract_NameBeforeParenthesisedAcronym_MarksNameTokensAndAcronym()
    {
        var s = Extract("the Forza Italia ( FI ) party");
        var inName = FeatureHash.Feature(NerFeatureExtractor.TParenAcronym, 1, 2); // run of 2 capitalised words
        var acronym = FeatureHash.Feature(NerFeatureExtractor.TParenAcronym, 2, 1); // "FI" after a Capitalised word
        Assert.Contains(inName, s.StaticOf(1).ToArray());
        Assert.Contains(inName, s.StaticOf(2).ToArray());
        Assert.Contains(acronym, s.StaticOf(4).ToArray());
        Assert.DoesNotContain(inName, s.StaticOf(0).ToArray());
        Assert.DoesNotContain(acronym, s.StaticOf(6).ToArray());
    }

    [Theory]
    [InlineData("the party ( FI ) won")]
    [InlineData("Forza Italia ( the ) won")]
    [InlineData("Forza Italia ( FI won")]
    [InlineData("Forza Italia , FI ) won")]
    public void Extract_NoNameOrNoParenthesisedAcronym_NoAcronymFeature(string text)
    {
        var s = Extract(text);
        for (var i = 0; i < s.Count; i++)
        {
            foreach (var value in new ulong[] { 1, 2 })
            {
                for (ulong b = 0; b < 16; b++)
                {
                    Assert.DoesNotContain(FeatureHash.Feature(NerFeatureExtractor.TParenAcronym, value, b), s.StaticOf(i).ToArray());
                }
            }
        }
    }

    [Fact]
    public void Extract_GazetteerMatch_MarksFirstAndInsideTokens()
    {
        var gazetteer = new Gazetteer();
        gazetteer.Add("New York", GazetteerKind.City);
        var with = Extract("in New York today", gazetteer);
        var without = Extract("in New Haven today", gazetteer);
        var begin = FeatureHash.Feature(NerFeatureExtractor.TGaz, 1UL);   // City, first token
        var inside = FeatureHash.Feature(NerFeatureExtractor.TGaz, 2UL);  // City, inside
        Assert.Contains(begin, with.StaticOf(1).ToArray());
        Assert.Contains(inside, with.StaticOf(2).ToArray());
        Assert.DoesNotContain(begin, without.StaticOf(1).ToArray());
    }

    [Fact]
    public void Gazetteer_PrefixOfLongerName_NotReportedAsName()
    {
        var gazetteer = new Gazetteer();
        gazetteer.Add("Rio de Janeiro", GazetteerKind.City);
        const string text = "Rio de Janeiro and Rio .";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        Assert.Equal(GazetteerKind.City, gazetteer.Lookup(text, tokens, 0, 3));
        Assert.Equal(GazetteerKind.None, gazetteer.Lookup(text, tokens, 0, 1));
        Assert.Equal(GazetteerKind.None, gazetteer.Lookup(text, tokens, 0, 2));
        Assert.Equal(1, gazetteer.Count);
    }

    [Fact]
    public void Extract_PrefixOfLongerNameOnly_NoGazetteerFeature()
    {
        var gazetteer = new Gazetteer();
        gazetteer.Add("Rio de Janeiro", GazetteerKind.City);
        var bits = new int[4];
        const string text = "Rio de Paris .";
        new NerFeatureExtractor(gazetteer).MatchGazetteer(text, Tokenizer.Tokenize(text).ToArray(), bits);
        Assert.All(bits, b => Assert.Equal(0, b));

        const string match = "in Rio de Janeiro";
        bits = new int[4];
        new NerFeatureExtractor(gazetteer).MatchGazetteer(match, Tokenizer.Tokenize(match).ToArray(), bits);
        Assert.Equal([0, 1, 2, 2], bits);
    }

    [Fact]
    public void DefaultGazetteer_EmbeddedLists_Load()
    {
        var g = Gazetteer.Default;
        Assert.True(g.Count > 100_000);
        const string text = "Paris Texas Bernie";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        Assert.True(g.Lookup(text, tokens, 0, 1).HasFlag(GazetteerKind.City));
        Assert.True(g.Lookup(text, tokens, 2, 3).HasFlag(GazetteerKind.FirstName));
    }

    [Fact]
    public void Extract_UnseenPartyNamesInOneCluster_ShareTheirClusterFeatures()
    {
        var s = Extract("Shinui , Hetz , Meretz");
        var fine = WordClusters.Default.ClassOf("Meretz", WordClusters.Levels - 1);
        var feature = FeatureHash.Feature(NerFeatureExtractor.TCluster + WordClusters.Levels - 1, (ulong)fine, 1);
        var withCase = FeatureHash.Feature(NerFeatureExtractor.TClusterCase, (ulong)fine, (ulong)NerFeatureExtractor.CaseClass("Meretz"));

        Assert.Contains(feature, s.StaticOf(0).ToArray());
        Assert.Contains(feature, s.StaticOf(4).ToArray());
        Assert.Contains(withCase, s.StaticOf(0).ToArray());
        Assert.Contains(withCase, s.StaticOf(4).ToArray());
    }

    [Fact]
    public void Extract_LowercaseWord_ClusterFeatureSaysSo()
    {
        var capitalised = Extract("Meretz").StaticOf(0).ToArray();
        var lower = Extract("meretz").StaticOf(0).ToArray();
        var coarse = (ulong)WordClusters.Default.ClassOf("meretz", 0);

        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TCluster, coarse, 1), capitalised);
        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TCluster, coarse, 0), lower);
        Assert.DoesNotContain(FeatureHash.Feature(NerFeatureExtractor.TCluster, coarse, 1), lower);
    }

    [Fact]
    public void Extract_WordOutsideTheTable_NoClusterFeatures()
    {
        Assert.Equal(-1, WordClusters.Default.ClassOf("Qzxwvbtk", 0));
        var features = Extract("Qzxwvbtk").StaticOf(0).ToArray();
        var known = Extract("Meretz").StaticOf(0).ToArray();

        // Same shape and case class, so the only difference in count is the cluster family (levels + case cross).
        Assert.Equal(Count(known) - WordClusters.Levels - 1, Count(features));
    }

    [Fact]
    public void Extract_NeighbourClasses_SeenFromBothSides()
    {
        var s = Extract("voted for Meretz today");
        var middle = (ulong)WordClusters.Default.ClassOf("Meretz", 1);

        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TClusterNext, middle), s.StaticOf(1).ToArray());
        Assert.Contains(FeatureHash.Feature(NerFeatureExtractor.TClusterPrev, middle), s.StaticOf(3).ToArray());
        Assert.DoesNotContain(FeatureHash.Feature(NerFeatureExtractor.TClusterPrev, middle), s.StaticOf(1).ToArray());
    }

    private static int Count(ulong[] features) => features.Count(f => f != 0);
}
