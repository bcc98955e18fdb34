using System.ComponentModel.DataAnnotations;

namespace Pipeline.Analysis.AzureLanguage;

/// <summary>An absolute https URI, or http to a loopback host (local stubs); keys and tokens never travel in clear text elsewhere.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class HttpsOrLoopbackUriAttribute : ValidationAttribute
{
    public HttpsOrLoopbackUriAttribute()
        : base("The {0} field must be an absolute https URI (http is allowed only for loopback hosts).")
    {
    }

    public override bool IsValid(object? value) => value switch
    {
        null => true, // [Required] reports absence.
        Uri { IsAbsoluteUri: true } uri => uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback),
        _ => false,
    };
}
