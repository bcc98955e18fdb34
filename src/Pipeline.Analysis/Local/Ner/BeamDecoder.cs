using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Pipeline.Analysis.Local.Ner;

/// <summary>
/// Beam search over BIO tag sequences: keeps the <c>width</c> best histories (sum of perceptron scores), so one
/// early mistake (B-MISC where B-ORG was needed) can be repaired by the tokens after it. Histories ending in the same
/// two tags are recombined (the features only see the two previous tags). Static features are scored once per token.
/// </summary>
internal static class BeamDecoder
{
    public const int DefaultWidth = 4;

    private const int MaxWidth = 16;

    public static void Decode<TScorer>(TScorer scorer, NerFeatureExtractor.SentenceFeatures sentence, Span<int> tags, Span<float> confidences, int width, float temperature, bool rawScores)
        where TScorer : ITagScorer
        => Search(scorer, sentence, width, temperature, rawScores, [], tags, confidences);

    /// <summary>
    /// Beam search; with <paramref name="gold"/> non-empty it stops at the first token where no history in the beam
    /// equals the gold prefix (early update for training). Returns the number of tokens whose best tags were written.
    /// <paramref name="rawScores"/>: rank by summed perceptron scores (a model trained with this search) instead of
    /// summed log-softmax probabilities (a greedily trained model).
    /// </summary>
    /// <param name="fastPath">Whether the shipped configuration takes its own forward pass (tests compare it with the general loop).</param>
    public static int Search<TScorer>(TScorer scorer, NerFeatureExtractor.SentenceFeatures sentence, int width, float temperature, bool rawScores, ReadOnlySpan<int> gold, Span<int> tags, Span<float> confidences, bool fastPath = true)
        where TScorer : ITagScorer
    {
        width = Math.Clamp(width, 1, MaxWidth);
        var n = sentence.Count;
        var back = System.Buffers.ArrayPool<int>.Shared.Rent(n * width);
        var chosen = System.Buffers.ArrayPool<int>.Shared.Rent(n * width);
        var staticAll = System.Buffers.ArrayPool<float>.Shared.Rent(n * NerTags.Count);
        Span<float> scores = stackalloc float[NerTags.Count];
        Span<ulong> dynamic = stackalloc ulong[NerFeatureExtractor.DynamicCount];

        // Current beam (sorted best first): total score, previous tag, tag before it.
        Span<double> beamScore = stackalloc double[MaxWidth];
        Span<int> beamPrev = stackalloc int[MaxWidth];
        Span<int> beamPrev2 = stackalloc int[MaxWidth];
        Span<bool> beamGold = stackalloc bool[MaxWidth];
        Span<bool> nextGold = stackalloc bool[MaxWidth];

        // Candidates, one per (tag, previous tag) state: the features only see two tags back, so histories sharing
        // that state are recombined and only the better one survives.
        const int States = NerTags.Count * NerTags.Count;
        Span<double> candScore = stackalloc double[States];
        Span<int> candBack = stackalloc int[States];
        Span<bool> candUsed = stackalloc bool[States];
        Span<int> used = stackalloc int[States];
        candUsed.Clear();
        Span<double> nextScore = stackalloc double[MaxWidth];
        Span<int> nextState = stackalloc int[MaxWidth];
        Span<float> pairCache = stackalloc float[States * NerTags.Count];
        Span<bool> pairDone = stackalloc bool[States];
        Span<float> wordCache = stackalloc float[NerTags.Count * NerTags.Count];
        Span<bool> wordDone = stackalloc bool[NerTags.Count];
        var size = 1;
        beamScore[0] = 0;
        beamPrev[0] = NerTags.Outside;
        beamPrev2[0] = NerTags.Outside;
        beamGold[0] = true;
        var decoded = n;
        // Decoding with the model a word cache was filled from: dynamic scores come from the cache too.
        var cache = sentence.HasBase && ReferenceEquals(sentence.Cache?.Model, scorer as NerModel) ? sentence.Cache : null;
        if (sentence.HasBase)
        {
            sentence.Base.AsSpan(0, n * NerTags.Count).CopyTo(staticAll);
        }
        else
        {
            staticAll.AsSpan(0, n * NerTags.Count).Clear();
        }

        if (scorer is NerModel model)
        {
            model.ScoreMany(sentence.Static.AsSpan(0, n * NerFeatureExtractor.Slots), NerFeatureExtractor.Slots, staticAll);
        }
        else
        {
            for (var i = 0; i < n; i++)
            {
                scorer.Score(sentence.StaticOf(i), staticAll.AsSpan(i * NerTags.Count, NerTags.Count));
            }
        }

        // The shipped configuration has its own forward pass; the loop below serves the others (and training).
        var fast = fastPath && cache is not null && rawScores && gold.IsEmpty;
        if (fast)
        {
            ForwardCachedRaw(cache!, sentence, staticAll, width, chosen, back);
        }

        for (var i = fast ? n : 0; i < n; i++)
        {
            var staticScores = staticAll.AsSpan(i * NerTags.Count, NerTags.Count);
            var usedCount = 0;
            wordDone.Clear();
            for (var h = 0; h < size; h++)
            {
                // Dynamic features: the two tag features depend on (prev, prev2) only, the tag+word and tag+shape
                // features on prev and the token: both cached, so each history costs additions, not table reads.
                var p = beamPrev[h];
                scoped ReadOnlySpan<float> pairScores;
                var wordScores = wordCache.Slice(p * NerTags.Count, NerTags.Count);
                if (cache is not null)
                {
                    pairScores = cache.Pair(p, beamPrev2[h]);
                    if (!wordDone[p])
                    {
                        // Nine floats: a plain loop (CopyTo's memmove call costs more than the copy).
                        var row = cache.TagWord(sentence.Entries[i], p);
                        for (var t = 0; t < NerTags.Count; t++)
                        {
                            wordScores[t] = row[t];
                        }

                        wordDone[p] = true;
                    }
                }
                else
                {
                    var pair = (p * NerTags.Count) + beamPrev2[h];
                    var pairSlot = pairCache.Slice(pair * NerTags.Count, NerTags.Count);
                    if (!pairDone[pair])
                    {
                        NerFeatureExtractor.DynamicTags(p, beamPrev2[h], dynamic);
                        pairSlot.Clear();
                        scorer.Score(dynamic[..2], pairSlot);
                        pairDone[pair] = true;
                    }

                    if (!wordDone[p])
                    {
                        NerFeatureExtractor.DynamicWord(sentence, i, p, dynamic[2..]);
                        wordScores.Clear();
                        scorer.Score(dynamic[2..], wordScores);
                        wordDone[p] = true;
                    }

                    pairScores = pairSlot;
                }

                for (var t = 0; t < NerTags.Count; t++)
                {
                    scores[t] = staticScores[t] + pairScores[t] + wordScores[t];
                }

                // Raw perceptron scores of a greedily trained model are not comparable across histories (long
                // I- runs would win): histories are ranked by the sum of per-step log-softmax probabilities.
                var logZ = rawScores ? 0 : LogSumExp(scores, p, temperature);
                var historyScore = beamScore[h];
                for (var t = 0; t < NerTags.Count; t++)
                {
                    if (!NerTags.IsAllowed(p, t))
                    {
                        continue;
                    }

                    var state = (t * NerTags.Count) + p;
                    var total = historyScore + (rawScores ? scores[t] : (scores[t] / temperature) - logZ);
                    if (!candUsed[state])
                    {
                        candUsed[state] = true;
                        used[usedCount++] = state;
                        candScore[state] = total;
                        candBack[state] = h;
                    }
                    else if (total > candScore[state])
                    {
                        candScore[state] = total;
                        candBack[state] = h;
                    }
                }
            }

            // Keep the best `width` states, ordered by score, ties to the lower state index (O first).
            var nextSize = 0;
            foreach (var st in used[..usedCount])
            {
                candUsed[st] = false;
                var score = candScore[st];
                var pos = nextSize;
                while (pos > 0 && (nextScore[pos - 1] < score || (nextScore[pos - 1] == score && nextState[pos - 1] > st)))
                {
                    pos--;
                }

                if (pos >= width)
                {
                    continue;
                }

                for (var k = Math.Min(nextSize, width - 1); k > pos; k--)
                {
                    nextScore[k] = nextScore[k - 1];
                    nextState[k] = nextState[k - 1];
                }

                nextScore[pos] = score;
                nextState[pos] = st;
                nextSize = Math.Min(nextSize + 1, width);
            }

            for (var k = 0; k < nextSize; k++)
            {
                var st = nextState[k];
                chosen[(i * width) + k] = st / NerTags.Count;
                back[(i * width) + k] = candBack[st];
                beamScore[k] = nextScore[k];
            }

            var goldAlive = false;
            for (var k = 0; k < nextSize; k++)
            {
                nextGold[k] = !gold.IsEmpty && beamGold[back[(i * width) + k]] && gold[i] == nextState[k] / NerTags.Count;
                goldAlive |= nextGold[k];
            }

            for (var k = 0; k < nextSize; k++)
            {
                beamPrev2[k] = nextState[k] % NerTags.Count;
                beamPrev[k] = nextState[k] / NerTags.Count;
                beamGold[k] = nextGold[k];
            }

            size = nextSize;
            if (!gold.IsEmpty && !goldAlive)
            {
                decoded = i + 1;
                break;
            }
        }

        // The best history is at index 0.
        var at = 0;
        for (var i = decoded - 1; i >= 0; i--)
        {
            tags[i] = chosen[(i * width) + at];
            at = back[(i * width) + at];
        }

        // Confidences only along the chosen path, and only for entity tokens (the only ones a mention averages):
        // softmax of the path's scores at each such token. Tokens tagged O get 0.
        if (!confidences.IsEmpty)
        {
            int prev = NerTags.Outside, prev2 = NerTags.Outside;
            for (var i = 0; i < decoded; i++)
            {
                if (tags[i] == NerTags.Outside)
                {
                    confidences[i] = 0;
                    prev2 = prev;
                    prev = tags[i];
                    continue;
                }

                staticAll.AsSpan(i * NerTags.Count, NerTags.Count).CopyTo(scores);
                NerFeatureExtractor.Dynamic(sentence, i, prev, prev2, dynamic);
                scorer.Score(dynamic, scores);
                confidences[i] = (float)Math.Exp((scores[tags[i]] / temperature) - LogSumExp(scores, prev, temperature));
                prev2 = prev;
                prev = tags[i];
            }
        }

        System.Buffers.ArrayPool<int>.Shared.Return(back);
        System.Buffers.ArrayPool<int>.Shared.Return(chosen);
        System.Buffers.ArrayPool<float>.Shared.Return(staticAll);
        return decoded;
    }

    /// <summary>
    /// The forward pass of the shipped decoder (word cache, raw scores, no gold prefix) into <paramref name="chosen"/>
    /// and <paramref name="back"/>: the same candidates, sums, comparisons and order as the general loop of
    /// <see cref="Search"/>, so the same tags, without its per-tag validity tests and mode branches (the decoder's
    /// hottest loop, once per history per token).
    /// </summary>
    /// <remarks>
    /// Unchecked reads (all indices are tags, states, beam slots or tokens of this sentence, in range by construction):
    /// the checked version spent most of its instructions on bounds checks and span slicing. The kept states do not
    /// depend on the order candidates are offered in (best score first, ties to the lower state index), so each
    /// history offers O and the four B- tags, then the I- tag continuing its type.
    /// </remarks>
    private static void ForwardCachedRaw(WordScoreCache cache, NerFeatureExtractor.SentenceFeatures sentence, float[] staticAll, int width, int[] chosen, int[] back)
    {
        const int T = NerTags.Count;
        const int States = T * T;
        Span<double> beamScoreSpan = stackalloc double[MaxWidth];
        Span<int> beamPrevSpan = stackalloc int[MaxWidth];
        Span<int> beamPrev2Span = stackalloc int[MaxWidth];
        Span<double> candScoreSpan = stackalloc double[States];
        Span<int> candBackSpan = stackalloc int[States];
        Span<int> candStepSpan = stackalloc int[States];
        Span<int> usedSpan = stackalloc int[States];
        Span<double> nextScoreSpan = stackalloc double[MaxWidth];
        Span<int> nextStateSpan = stackalloc int[MaxWidth];
        candStepSpan.Clear();
        ref var beamScore = ref MemoryMarshal.GetReference(beamScoreSpan);
        ref var beamPrev = ref MemoryMarshal.GetReference(beamPrevSpan);
        ref var beamPrev2 = ref MemoryMarshal.GetReference(beamPrev2Span);
        var candidates = new Candidates(ref MemoryMarshal.GetReference(candScoreSpan), ref MemoryMarshal.GetReference(candBackSpan), ref MemoryMarshal.GetReference(candStepSpan), ref MemoryMarshal.GetReference(usedSpan));
        ref var nextScore = ref MemoryMarshal.GetReference(nextScoreSpan);
        ref var nextState = ref MemoryMarshal.GetReference(nextStateSpan);
        ref var staticBase = ref MemoryMarshal.GetArrayDataReference(staticAll);
        ref var pairBase = ref MemoryMarshal.GetReference(cache.Pairs);
        var n = sentence.Count;
        var entries = sentence.Entries.AsSpan(0, n);
        var size = 1;
        var useFour = width == 4 && Vector256.IsHardwareAccelerated;
        beamScore = 0;
        beamPrev = NerTags.Outside;
        beamPrev2 = NerTags.Outside;
        for (var i = 0; i < n; i++)
        {
            ref var staticScores = ref Unsafe.Add(ref staticBase, i * T);
            var entry = entries[i];
            candidates.Step = i + 1;
            candidates.Used = 0;
            for (var h = 0; h < size; h++)
            {
                var p = Unsafe.Add(ref beamPrev, h);
                ref var pairScores = ref Unsafe.Add(ref pairBase, ((p * T) + Unsafe.Add(ref beamPrev2, h)) * T);
                ref var wordScores = ref cache.TagWordRow(entry, p);
                var historyScore = Unsafe.Add(ref beamScore, h);
                var state = p;
                candidates.Offer(state, h, historyScore + (staticScores + pairScores + wordScores));
                for (var t = 1; t < T; t += 2)
                {
                    // B- tags: allowed after anything.
                    state = (t * T) + p;
                    candidates.Offer(state, h, historyScore + (Unsafe.Add(ref staticScores, t) + Unsafe.Add(ref pairScores, t) + Unsafe.Add(ref wordScores, t)));
                }

                if (p != NerTags.Outside)
                {
                    // I-X continues B-X or I-X.
                    var inside = (p & 1) == 1 ? p + 1 : p;
                    state = (inside * T) + p;
                    candidates.Offer(state, h, historyScore + (Unsafe.Add(ref staticScores, inside) + Unsafe.Add(ref pairScores, inside) + Unsafe.Add(ref wordScores, inside)));
                }
            }

            // Keep the best `width` states, ordered by score, ties to the lower state index (O first).
            int nextSize;
            if (useFour)
            {
                // The shipped width: the four best in vector lanes, each candidate placed without data-dependent branches.
                var top = TopFour.Empty;
                for (var u = 0; u < candidates.Used; u++)
                {
                    var st = Unsafe.Add(ref candidates.UsedStates, u);
                    top.Offer(Unsafe.Add(ref candidates.Score, st), st);
                }

                top.Scores.StoreUnsafe(ref nextScore);
                for (var k = 0; k < 4; k++)
                {
                    Unsafe.Add(ref nextState, k) = (int)top.States.GetElement(k);
                }

                nextSize = top.Count;
            }
            else
            {
                nextSize = 0;
                for (var u = 0; u < candidates.Used; u++)
                {
                    var st = Unsafe.Add(ref candidates.UsedStates, u);
                    var score = Unsafe.Add(ref candidates.Score, st);
                    var pos = nextSize;
                    while (pos > 0 && (Unsafe.Add(ref nextScore, pos - 1) < score || (Unsafe.Add(ref nextScore, pos - 1) == score && Unsafe.Add(ref nextState, pos - 1) > st)))
                    {
                        pos--;
                    }

                    if (pos >= width)
                    {
                        continue;
                    }

                    for (var k = Math.Min(nextSize, width - 1); k > pos; k--)
                    {
                        Unsafe.Add(ref nextScore, k) = Unsafe.Add(ref nextScore, k - 1);
                        Unsafe.Add(ref nextState, k) = Unsafe.Add(ref nextState, k - 1);
                    }

                    Unsafe.Add(ref nextScore, pos) = score;
                    Unsafe.Add(ref nextState, pos) = st;
                    nextSize = Math.Min(nextSize + 1, width);
                }
            }

            var row = i * width;
            for (var k = 0; k < nextSize; k++)
            {
                var st = Unsafe.Add(ref nextState, k);
                var tag = st / T;
                chosen[row + k] = tag;
                back[row + k] = Unsafe.Add(ref candidates.Back, st);
                Unsafe.Add(ref beamScore, k) = Unsafe.Add(ref nextScore, k);
                Unsafe.Add(ref beamPrev, k) = tag;
                Unsafe.Add(ref beamPrev2, k) = st - (tag * T);
            }

            size = nextSize;
        }
    }

    /// <summary>
    /// The four best (score, state) pairs offered, best first, ties to the lower state: the order of the general loop's
    /// insertion, kept in vector lanes. Empty lanes hold -∞ (beaten by any finite score).
    /// </summary>
    internal struct TopFour
    {
        public Vector256<double> Scores;
        public Vector256<long> States;
        public int Count;

        public static TopFour Empty => new() { Scores = Vector256.Create(double.NegativeInfinity), States = Vector256.Create(long.MaxValue) };

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Offer(double score, int state)
        {
            var s = Vector256.Create(score);
            var st = Vector256.Create((long)state);
            // Lanes that stay ahead of the candidate: higher score, or equal score and lower state.
            var ahead = Vector256.GreaterThan(Scores, s).AsInt64() | (Vector256.Equals(Scores, s).AsInt64() & Vector256.LessThan(States, st));
            var pos = System.Numerics.BitOperations.PopCount(ahead.ExtractMostSignificantBits());
            if (pos >= 4)
            {
                return;
            }

            var lane = Vector256.Create(0L, 1, 2, 3);
            var at = Vector256.Create((long)pos);
            var keep = Vector256.LessThan(lane, at);
            var place = Vector256.Equals(lane, at);
            var shift = Vector256.Create(0L, 0, 1, 2);
            Scores = Vector256.ConditionalSelect(keep.AsDouble(), Scores, Vector256.ConditionalSelect(place.AsDouble(), s, Vector256.Shuffle(Scores, shift)));
            States = Vector256.ConditionalSelect(keep, States, Vector256.ConditionalSelect(place, st, Vector256.Shuffle(States, shift)));
            Count = Math.Min(Count + 1, 4);
        }
    }

    /// <summary>One step's candidates by state (tag, previous tag): the best total and the history it extends.</summary>
    private ref struct Candidates(ref double score, ref int back, ref int step, ref int used)
    {
        public ref double Score = ref score;
        public ref int Back = ref back;

        /// <summary>Per state, the step (token + 1) it was last offered in: no clearing between tokens.</summary>
        public ref int StepOf = ref step;

        public ref int UsedStates = ref used;
        public int Step;
        public int Used;

        /// <summary>First offer of a state in this step takes it; a later one only with a strictly higher total (ties to the earlier history).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Offer(int state, int history, double total)
        {
            ref var seen = ref Unsafe.Add(ref StepOf, state);
            ref var best = ref Unsafe.Add(ref Score, state);
            if (seen != Step)
            {
                seen = Step;
                Unsafe.Add(ref UsedStates, Used++) = state;
                best = total;
                Unsafe.Add(ref Back, state) = history;
            }
            else if (total > best)
            {
                best = total;
                Unsafe.Add(ref Back, state) = history;
            }
        }
    }

    private static double LogSumExp(ReadOnlySpan<float> scores, int prev, float temperature)
    {
        var max = double.NegativeInfinity;
        for (var t = 0; t < NerTags.Count; t++)
        {
            if (NerTags.IsAllowed(prev, t))
            {
                max = Math.Max(max, scores[t] / temperature);
            }
        }

        double sum = 0;
        for (var t = 0; t < NerTags.Count; t++)
        {
            if (NerTags.IsAllowed(prev, t))
            {
                sum += Math.Exp((scores[t] / temperature) - max);
            }
        }

        return max + Math.Log(sum);
    }
}
