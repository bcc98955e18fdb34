using Pipeline.Analysis.Local.Text;

namespace Pipeline.Analysis.Tests.Local.Text;

public sealed class HashMap64Tests
{
    [Fact]
    public void Set_ManyKeysWithOverwritesAndZero_AnswersAsADictionary()
    {
        var map = new HashMap64<byte>();
        var reference = new Dictionary<ulong, byte>();
        var random = new Random(5);
        var keys = new ulong[50_000];
        for (var i = 0; i < keys.Length; i++)
        {
            // Small keys collide in their low bits; the top bits of a random one spread: both kinds, and 0.
            keys[i] = i % 3 == 0 ? (ulong)i : (ulong)random.NextInt64();
        }

        for (var step = 0; step < 200_000; step++)
        {
            var key = keys[random.Next(keys.Length)];
            var value = (byte)random.Next(256);
            map.Set(key, value);
            reference[key] = value;
        }

        Assert.Equal(reference.Count, map.Count);
        Assert.All(reference, pair => Assert.Equal(pair.Value, map.GetValueOrDefault(pair.Key)));
        Assert.All(Enumerable.Range(0, 10_000).Select(_ => (ulong)random.NextInt64()).Where(k => !reference.ContainsKey(k)),
            missing => Assert.Equal(0, map.GetValueOrDefault(missing)));
    }

    [Fact]
    public void GetValueOrDefault_ZeroNeverSet_Default()
    {
        var map = new HashMap64<byte>();
        map.Set(1, 9);

        Assert.Equal(0, map.GetValueOrDefault(0));
        Assert.Equal(9, map.GetValueOrDefault(1));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void Set_ZeroTwice_CountedOnceLastValueKept()
    {
        var map = new HashMap64<byte>();
        map.Set(0, 1);
        map.Set(0, 2);

        Assert.Equal(1, map.Count);
        Assert.Equal(2, map.GetValueOrDefault(0));
    }
}
