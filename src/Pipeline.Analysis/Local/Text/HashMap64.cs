using System.Runtime.InteropServices;

namespace Pipeline.Analysis.Local.Text;

/// <summary>
/// A growable map from a 64-bit hash to a small value, as two open-addressed arrays (keys, values) at most three
/// quarters full: 9 bytes a slot for a byte value where <see cref="Dictionary{TKey, TValue}"/> spends 24 bytes an entry
/// plus 4 a bucket. For tables of hundreds of thousands of hashed names that stay loaded for the life of the process.
/// </summary>
internal sealed class HashMap64<TValue>
    where TValue : unmanaged
{
    private ulong[] keys = new ulong[16];
    private TValue[] values = new TValue[16];
    private int shift = 64 - 4;

    // Hash 0 marks an empty slot, so the hash 0 is kept aside.
    private bool hasZero;
    private TValue zeroValue;

    public int Count { get; private set; }

    /// <summary>The value stored for <paramref name="hash"/>, or default.</summary>
    public TValue GetValueOrDefault(ulong hash)
    {
        if (hash == 0)
        {
            return zeroValue;
        }

        var mask = keys.Length - 1;
        ref var key0 = ref MemoryMarshal.GetArrayDataReference(keys);
        for (var i = Slot(hash); ; i = (i + 1) & mask)
        {
            var key = System.Runtime.CompilerServices.Unsafe.Add(ref key0, i);
            if (key == hash)
            {
                return values[i];
            }

            if (key == 0)
            {
                return default;
            }
        }
    }

    /// <summary>Stores <paramref name="value"/> for <paramref name="hash"/>, replacing any value it had.</summary>
    public void Set(ulong hash, TValue value)
    {
        if (hash == 0)
        {
            Count += hasZero ? 0 : 1;
            (hasZero, zeroValue) = (true, value);
            return;
        }

        if ((Count + 1) * 4 > keys.Length * 3)
        {
            Grow();
        }

        var i = Find(hash);
        Count += keys[i] == 0 ? 1 : 0;
        keys[i] = hash;
        values[i] = value;
    }

    /// <summary>The slot holding <paramref name="hash"/>, or the empty slot where it belongs.</summary>
    private int Find(ulong hash)
    {
        var mask = keys.Length - 1;
        var i = Slot(hash);
        while (keys[i] != hash && keys[i] != 0)
        {
            i = (i + 1) & mask;
        }

        return i;
    }

    private void Grow()
    {
        var (oldKeys, oldValues) = (keys, values);
        keys = new ulong[oldKeys.Length * 2];
        values = new TValue[oldKeys.Length * 2];
        shift--;
        for (var j = 0; j < oldKeys.Length; j++)
        {
            if (oldKeys[j] != 0)
            {
                var i = Find(oldKeys[j]);
                keys[i] = oldKeys[j];
                values[i] = oldValues[j];
            }
        }
    }

    // Fibonacci hashing, as WordHashTable: the top bits of hash × 2^64/φ.
    private int Slot(ulong hash) => (int)((hash * 0x9E3779B97F4A7C15UL) >> shift);
}
