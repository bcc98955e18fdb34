using Pipeline.Analysis.Local.Ner;
using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Ner;

public sealed class AveragedPerceptronTests
{
    [Fact]
    public void Update_WrongGuess_RewardsGoldAndPenalisesGuess()
    {
        var p = new AveragedPerceptron(8);
        ulong[] features = [FeatureHash.Feature(2, 42)];
        p.Tick();
        p.Update(features, gold: 1, guess: 0);
        Assert.Equal(1f, p.Weight(features[0], 1));
        Assert.Equal(-1f, p.Weight(features[0], 0));
        p.Update(features, gold: 3, guess: 3);
        Assert.Equal(0f, p.Weight(features[0], 3));
    }

    [Fact]
    public void Averaged_WeightChangedHalfway_IsTimeWeightedMean()
    {
        var p = new AveragedPerceptron(8);
        ulong[] features = [FeatureHash.Feature(2, 7)];
        p.Tick();
        p.Tick();
        p.Update(features, gold: 1, guess: 0); // weight 1 from instance 2 on
        p.Tick();
        p.Tick();
        var avg = p.Averaged();
        var row = FeatureHash.Bucket(features[0], (1 << 8) - 1) * NerTags.Count;
        Assert.Equal(0.5f, avg[row + 1], 3);
        Assert.Equal(-0.5f, avg[row + 0], 3);
    }

    [Fact]
    public void Train_TinySyntheticData_LearnsToTagNames()
    {
        var train = new List<LabelledSentence>();
        string[] first = ["Anna", "Boris", "Carla", "Dmitri", "Elena", "Felix"];
        string[] last = ["Kovacs", "Lindqvist", "Moreau", "Novak", "Oyelaran", "Petrov"];
        string[] cities = ["Oslo", "Lyon", "Porto", "Gdansk"];
        for (var i = 0; i < 24; i++)
        {
            train.Add(LabelledSentence.FromTokens(
                ["Yesterday", first[i % 6], last[(i + 1) % 6], "visited", cities[i % 4], "."],
                ["O", "B-PER", "I-PER", "O", "B-LOC", "O"]));
            train.Add(LabelledSentence.FromTokens(
                ["The", "report", "said", last[i % 6], "left", "for", cities[(i + 1) % 4], "."],
                ["O", "O", "O", "B-PER", "O", "O", "B-LOC", "O"]));
        }

        var features = new NerFeatureExtractor(new Gazetteer());
        var perceptron = new NerTrainer(features, bucketsLog2: 16, seed: 1).Train(train, epochs: 5);
        var tagger = new NerTagger(NerModel.Quantize(perceptron.Averaged(), 16), features);

        const string text = "Yesterday Anna Novak visited Porto .";
        var tokens = Tokenizer.Tokenize(text).ToArray();
        var tags = new int[tokens.Length];
        tagger.Tag(text, tokens, tags, []);
        Assert.Equal(["O", "B-PER", "I-PER", "O", "B-LOC", "O"], tags.Select(NerTags.Name));
    }

    [Fact]
    public void Train_SameSeed_IdenticalWeights()
    {
        var train = new List<LabelledSentence>
        {
            LabelledSentence.FromTokens(["Mr", "Smith", "went", "to", "Paris"], ["O", "B-PER", "O", "O", "B-LOC"]),
            LabelledSentence.FromTokens(["Jones", "likes", "Rome"], ["B-PER", "O", "B-LOC"]),
        };
        var features = new NerFeatureExtractor(new Gazetteer());
        var a = new NerTrainer(features, 12, seed: 5).Train(train, 3).Averaged();
        var b = new NerTrainer(features, 12, seed: 5).Train(train, 3).Averaged();
        Assert.Equal(a, b);
    }

    [Fact]
    public void Quantize_SaveLoad_RoundTripsScores()
    {
        var weights = new float[(1 << 6) * NerTags.Count];
        var random = new Random(3);
        for (var i = 0; i < weights.Length; i++)
        {
            weights[i] = (float)((random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-4, 3)));
        }

        var model = NerModel.Quantize(weights, 6);
        using var stream = new MemoryStream();
        model.Save(stream);
        stream.Position = 0;
        var loaded = NerModel.Load(stream);
        ulong[] features = [FeatureHash.Feature(1, 0), FeatureHash.Feature(2, 99)];
        var expected = new float[NerTags.Count];
        var actual = new float[NerTags.Count];
        model.Score(features, expected);
        loaded.Score(features, actual);
        Assert.Equal(expected, actual);
        var row0 = FeatureHash.Bucket(features[0], 63) * NerTags.Count;
        var row1 = FeatureHash.Bucket(features[1], 63) * NerTags.Count;
        for (var t = 0; t < NerTags.Count; t++)
        {
            var exact = weights[row0 + t] + weights[row1 + t];
            Assert.InRange(actual[t], exact - 0.01, exact + 0.01);
        }
    }
}
