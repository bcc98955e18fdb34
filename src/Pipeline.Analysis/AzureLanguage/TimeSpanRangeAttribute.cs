using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>A TimeSpan within [min, max]; RangeAttribute(typeof(TimeSpan), ...) relies on reflection and is not trim safe.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TimeSpanRangeAttribute : ValidationAttribute
{
    public TimeSpanRangeAttribute(string minimum, string maximum)
        : base("The {0} field must be between " + minimum + " and " + maximum + ".")
    {
        Minimum = TimeSpan.Parse(minimum, CultureInfo.InvariantCulture);
        Maximum = TimeSpan.Parse(maximum, CultureInfo.InvariantCulture);
    }

    public TimeSpan Minimum { get; }
    public TimeSpan Maximum { get; }

    public override bool IsValid(object? value) => value is not TimeSpan t || (t >= Minimum && t <= Maximum);
}
