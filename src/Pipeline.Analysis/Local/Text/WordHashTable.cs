using System.Runtime.InteropServices;

namespace Pipeline.Analysis.Local.Text;

/// <summary>
/// A read-only map from a word's <see cref="TextHash"/> to a value, as one open-addressed array of (hash, value)
/// entries: a lookup reads one cache line where a frozen dictionary reads four arrays (buckets, hash codes, keys,
/// values) and hashes the word again. Sentiment scoring looks every token up this way, and those lookups are cache
/// misses, not arithmetic. Two words with the same 64-bit hash would share an entry (about one chance in 10^10 for
/// the shipped tables); the first one added wins.
/// </summary>
internal sealed class WordHashTable<TValue>
    where TValue : struct
{
    private readonly Entry[] entries;
    private readonly int shift;

    // Hash 0 marks an empty slot, so a word hashing to 0 is kept aside.
    private readonly bool hasZero;
    private readonly TValue zeroValue;

    public WordHashTable(IEnumerable<KeyValuePair<ulong, TValue>> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        var list = items as IReadOnlyCollection<KeyValuePair<ulong, TValue>> ?? items.ToList();

        // At most half full: probes stay short, and the table is still small next to the data it replaces.
        var bits = 4;
        while ((1 << bits) < 2 * Math.Max(list.Count, 1))
        {
            bits++;
        }

        entries = new Entry[1 << bits];
        shift = 64 - bits;
        foreach (var (hash, value) in list)
        {
            if (hash == 0)
            {
                if (!hasZero)
                {
                    (hasZero, zeroValue) = (true, value);
                    Count++;
                }

                continue;
            }

            var mask = entries.Length - 1;
            for (var i = Slot(hash); ; i = (i + 1) & mask)
            {
                if (entries[i].Hash == hash)
                {
                    break;
                }

                if (entries[i].Hash == 0)
                {
                    entries[i] = new Entry(hash, value);
                    Count++;
                    break;
                }
            }
        }
    }

    public int Count { get; }

    /// <summary>Every (hash, value) held, in no particular order.</summary>
    public IEnumerable<KeyValuePair<ulong, TValue>> Entries
    {
        get
        {
            if (hasZero)
            {
                yield return KeyValuePair.Create(0UL, zeroValue);
            }

            foreach (var entry in entries)
            {
                if (entry.Hash != 0)
                {
                    yield return KeyValuePair.Create(entry.Hash, entry.Value);
                }
            }
        }
    }

    public bool TryGetValue(ulong hash, out TValue value)
    {
        if (hash == 0)
        {
            value = zeroValue;
            return hasZero;
        }

        var mask = entries.Length - 1;
        ref var first = ref MemoryMarshal.GetArrayDataReference(entries);
        for (var i = Slot(hash); ; i = (i + 1) & mask)
        {
            ref readonly var entry = ref System.Runtime.CompilerServices.Unsafe.Add(ref first, i);
            if (entry.Hash == hash)
            {
                value = entry.Value;
                return true;
            }

            if (entry.Hash == 0)
            {
                value = default;
                return false;
            }
        }
    }

    // Fibonacci hashing: the top bits of hash × 2^64/φ, well spread whatever bits the hash varies in.
    private int Slot(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> shift);

    private readonly record struct Entry(ulong Hash, TValue Value);
}
