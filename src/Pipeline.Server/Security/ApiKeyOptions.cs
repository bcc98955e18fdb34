using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace Pipeline.Server.Security;

/// <summary>
/// Configuration section "Api". With <see cref="Key"/> set, every endpoint but health asks for it the way Azure
/// Functions asks for a function key: the <c>x-functions-key</c> header or the <c>code</c> query parameter.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "Api";

    /// <summary>Unset (the default) serves the API to anyone who can reach the port, which is loopback by default.</summary>
    [MinLength(16, ErrorMessage = "Api:Key must be at least 16 characters long.")]
    public string? Key { get; set; }
}

[OptionsValidator]
public sealed partial class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>;
