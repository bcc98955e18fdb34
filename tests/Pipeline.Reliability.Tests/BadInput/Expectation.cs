using Pipeline.Core.Articles;

namespace Pipeline.Reliability.Tests.BadInput;

/// <summary>
/// The exact outcome one kind of input must have: failed with a reason naming the problem, or stored (processed or
/// unscored) with the fields it must carry. Every stored record is also checked for sanity (<see cref="SaneRecord"/>).
/// </summary>
internal sealed record Expectation(ArticleStatus Status, string? ReasonContains = null, Action<ArticleRecord>? Check = null)
{
    public static Expectation Failed(string reasonContains) => new(ArticleStatus.Failed, reasonContains);

    public static Expectation Processed(Action<ArticleRecord>? check = null) => new(ArticleStatus.Processed, null, check);

    public static Expectation Unscored(string language) =>
        new(ArticleStatus.Unscored, null, r => Assert.Equal(language, r.Analysis!.Language.Iso6391Name));

    public void Verify(ArticleRecord record)
    {
        Assert.True(Status == record.Status, $"expected {Status}, stored {record.Status} ({record.FailureReason ?? record.Title})");
        if (Status == ArticleStatus.Failed)
        {
            Assert.Contains(ReasonContains!, record.FailureReason, StringComparison.Ordinal);
            Assert.Null(record.Analysis);
        }
        else
        {
            Assert.Null(record.FailureReason);
            SaneRecord.Verify(record);
        }

        Check?.Invoke(record);
    }
}
