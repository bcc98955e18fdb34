using Microsoft.Extensions.Options;

namespace Pipeline.Storage.Configuration;

/// <summary>Source-generated checks of the data annotations on <see cref="StorageOptions"/> (AOT safe).</summary>
[OptionsValidator]
public sealed partial class StorageOptionsAnnotationsValidator : IValidateOptions<StorageOptions>;

/// <summary>Exactly one authentication mode: a connection string, or both service URIs with Entra ID.</summary>
public sealed class StorageOptionsValidator : IValidateOptions<StorageOptions>
{
    public ValidateOptionsResult Validate(string? name, StorageOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var hasUris = options.BlobServiceUri is not null || options.TableServiceUri is not null;
        if (options.UsesConnectionString && hasUris)
        {
            return ValidateOptionsResult.Fail("Storage: set either ConnectionString or BlobServiceUri + TableServiceUri, not both.");
        }

        if (!options.UsesConnectionString && (options.BlobServiceUri is null || options.TableServiceUri is null))
        {
            return ValidateOptionsResult.Fail(
                "Storage: set ConnectionString (e.g. 'UseDevelopmentStorage=true' for Azurite) or both BlobServiceUri and TableServiceUri (Entra ID / managed identity).");
        }

        foreach (var uri in new[] { options.BlobServiceUri, options.TableServiceUri })
        {
            if (uri is not null && (!uri.IsAbsoluteUri || uri.Scheme is not ("https" or "http")))
            {
                return ValidateOptionsResult.Fail($"Storage: '{uri}' is not an absolute http(s) service URI.");
            }
        }

        if (string.Equals(options.ArticlesContainer, options.AnalysisContainer, StringComparison.Ordinal))
        {
            return ValidateOptionsResult.Fail("Storage: ArticlesContainer and AnalysisContainer must differ (analysis blobs would be processed as articles).");
        }

        return ValidateOptionsResult.Success;
    }
}
