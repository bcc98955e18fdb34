namespace Pipeline.Core.Coverage;

/// <summary>
/// Average polarity (positive minus negative, -1..1) over the scored articles of a group, with how many there were
/// and their standard deviation, so a dashboard can show how certain the average is. Never turned into a label:
/// a mean of 0.02 over three articles is not "positive".
/// </summary>
/// <param name="Mean">Null when no article of the group was scored.</param>
/// <param name="Count">Scored articles averaged.</param>
/// <param name="StdDev">Sample standard deviation; null below two scored articles.</param>
public sealed record Tone(double? Mean, long Count, double? StdDev);
