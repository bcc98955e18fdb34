using Pipeline.Core.Aggregates;

namespace Pipeline.Core.Coverage;

/// <summary>
/// Running sums for a group of articles (a day, an outlet, a pair of entities). Polarities are integer millionths
/// (see <see cref="EntityContribution.Scale"/>), so sums add and subtract exactly in any order; squares give the spread.
/// </summary>
public sealed class CoverageTotals
{
    public long Articles { get; private set; }
    public long Mentions { get; private set; }
    public long Scored { get; private set; }
    public long PolaritySum { get; private set; }

    /// <summary>Sum of squared polarities in millionths squared (at most 10^12 each: 9,000,000 articles before it could overflow).</summary>
    public long PolaritySquares { get; private set; }

    /// <summary>One article: its mentions of the subject and its polarity (millionths), null when not scored.</summary>
    public void AddArticle(long mentions, long? polarityMicro) =>
        Add(1, mentions, polarityMicro is null ? 0 : 1, polarityMicro ?? 0, polarityMicro is { } p ? p * p : 0);

    public void Add(long articles, long mentions, long scored, long polaritySum, long polaritySquares)
    {
        Articles += articles;
        Mentions += mentions;
        Scored += scored;
        PolaritySum += polaritySum;
        PolaritySquares += polaritySquares;
    }

    public void Add(CoverageTotals other)
    {
        ArgumentNullException.ThrowIfNull(other);
        Add(other.Articles, other.Mentions, other.Scored, other.PolaritySum, other.PolaritySquares);
    }

    public Tone ToTone()
    {
        if (Scored == 0)
        {
            return new Tone(null, 0, null);
        }

        var n = (double)Scored;
        var mean = PolaritySum / EntityContribution.Scale / n;
        double? stdDev = null;
        if (Scored > 1)
        {
            // Sum of squared deviations, in millionths squared; clamped at 0 against rounding.
            var deviations = Math.Max(0, PolaritySquares - ((double)PolaritySum * PolaritySum / n));
            stdDev = Math.Sqrt(deviations / (n - 1)) / EntityContribution.Scale;
        }

        return new Tone(Math.Round(mean, 6), Scored, stdDev is { } s ? Math.Round(s, 6) : null);
    }
}
